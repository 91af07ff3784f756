/** A profile's data breaks its schema or its contract with the code; `problems` names each place, in Chinese. */
export class TemplateError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`模板有误：\n${problems.join('\n')}`);
  }
}
