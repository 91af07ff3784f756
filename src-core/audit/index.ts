export {
  checkDocument,
  checkDocumentReport,
  FINDING_KIND_NAMES,
  type DocumentFinding,
  type DocumentReport,
} from './check-document';
