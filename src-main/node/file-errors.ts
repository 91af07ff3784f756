/**
 * A Chinese message for a file-system error, naming the file the user chose (never a temporary file beside it, never
 * Node's error code or English text).
 */
export function fileErrorMessage(file: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const named = `“${file}”`;
  switch (code) {
    case 'ENOENT':
      return `找不到文件${named}。`;
    case 'EACCES':
    case 'EPERM':
      return `没有权限读写${named}。`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `磁盘空间不足，无法写入${named}。`;
    case 'GONGKAI_READ_ONLY':
      return `${named}是只读文件，没有覆盖它。请另存为其他文件，或先在文件属性中取消“只读”。`;
    case 'EISDIR':
      return `${named}是文件夹，不是文件。`;
    case 'ENOTDIR':
      return `${named}的路径中有一段不是文件夹。`;
    case 'EROFS':
      return `${named}所在的磁盘或文件夹是只读的，无法写入。`;
    case 'ENAMETOOLONG':
      return `${named}的文件名或路径太长。`;
    case 'EBUSY':
    case 'ETXTBSY':
      return `${named}正被其他程序占用，请关闭后重试。`;
    case 'EMFILE':
    case 'ENFILE':
      return `打开的文件太多，暂时无法读写${named}，请稍后重试。`;
    case 'ELOOP':
      return `${named}的快捷方式（符号链接）指向自己，无法打开。`;
    case 'EXDEV':
      return `无法在不同磁盘之间移动${named}。`;
    case 'EIO':
      return `读写${named}时磁盘出错（可能是移动硬盘或网络盘断开了）。`;
    default:
      return `无法读写${named}，请检查文件是否存在、是否有权限，或稍后重试。`;
  }
}
