/** A Chinese message for a file-system error. */
export function fileErrorMessage(file: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return `找不到文件“${file}”。`;
    case 'EACCES':
    case 'EPERM':
      return `没有权限读写“${file}”。`;
    case 'ENOSPC':
      return `磁盘空间不足，无法写入“${file}”。`;
    case 'EISDIR':
      return `“${file}”是文件夹，不是文件。`;
    case 'EROFS':
      return `“${file}”所在位置是只读的。`;
    default:
      return `无法读写“${file}”：${(e as Error).message}`;
  }
}
