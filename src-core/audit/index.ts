export { checkDocument, FINDING_KIND_NAMES, type DocumentFinding } from './check-document';
