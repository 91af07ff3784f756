export * from './schema';
export {
  displayColumns,
  placeHeader,
  blockOfColumn,
  type DisplayColumn,
  type DisplayColumnKind,
  type PlacedHeaderCell,
} from './layout';
export {
  loadFormSet,
  TemplateError,
  type FormSet,
  type ProfileInfo,
  type CompiledRule,
  type RuleSource,
} from './form-set';
export * from './contract';
export {
  publicationTemplateSchema,
  type PublicationTemplate,
  type SectionTemplate,
} from './publication-template';
export {
  statementPhrasesSchema,
  statementPhraseProblems,
  FACT_PATHS,
  type StatementPhrases,
  type StatementSubject,
} from './statement-phrases';
export {
  correspondenceSchema,
  correspondenceProblems,
  type Correspondence,
  type TableCorrespondence,
} from './correspondence';
export {
  formTableTemplateSchema,
  validateFormTemplate,
  loadPerformanceTemplates,
  isFieldCell,
  isComputedCell,
  type FormTableTemplate,
  type FormCell,
  type FormFieldCell,
  type FormComputedCell,
  type FormLabelCell,
  type FormRowBand,
  type FormListBand,
  type FormListColumn,
  type FormBand,
  type FormMetaItem,
  type FormInput,
  type PerformanceFormKind,
  type PerformanceTemplates,
} from './performance-forms';
export { titleBlockOf, TITLE_PLACEHOLDERS, type TitleBlock } from './title-block';
