/**
 * Gongkai's headless engine: the forms as data, the official formula notation, the live recalculation with its
 * findings, the document file. No DOM, no Electron, no Node-only APIs: it runs in the renderer, the main process
 * and the CLI alike.
 */
export * from './money';
export * from './formula';
export * from './template';
export * from './catalog';
export * from './document';
export * from './engine';
export {
  builtinFormSet,
  formSetFor,
  formSetOfDocument,
  listProfiles,
  allFormSets,
  DEFAULT_PROFILE_ID,
  type ProfileSummary,
} from './builtin-forms';
export * from './session';
export * from './rounding';
export * from './layout';
export * from './host';
export * from './actions';
export * from './export';
export * from './publication';
export * from './evaluation';
export * from './audit';
export * from './commands';
export * from './consolidation';
