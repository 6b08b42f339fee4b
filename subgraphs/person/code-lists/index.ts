// Person's provisional code lists (ids the seeds do not give): the JSON files beside this one, or an
// operator's replacements under CODE_LISTS_DIR/person/ (docs/operations.md "Provisional code lists").
import { provisionalCodeLists } from '../../../core/code-list';

export const personCodeList = provisionalCodeLists('person', __dirname);
