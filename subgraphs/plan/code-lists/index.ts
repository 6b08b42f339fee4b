// Plan's provisional code lists (ids the seeds do not give): the JSON files beside this one, or an
// operator's replacements under CODE_LISTS_DIR/plan/ (docs/operations.md "Provisional code lists").
import { provisionalCodeLists } from '../../../core/code-list';

export const planCodeList = provisionalCodeLists('plan', __dirname);
