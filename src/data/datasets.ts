/** The dataset schemas as the import page shows them: names, fields, header matching, delimiters. */
export { DATASET_LABELS, DATASETS, matchHeader } from '../import/datasets';
export { missingRequiredFields } from '../import/importFile';
