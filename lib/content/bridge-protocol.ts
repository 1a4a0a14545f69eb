// Events between the isolated content script and the MAIN-world CKEditor bridge.
// Details are JSON strings (only primitives cross the world boundary reliably).
export const CKEDITOR_APPLY_EVENT = 'tactful:ckeditor-apply';
export const CKEDITOR_RESULT_EVENT = 'tactful:ckeditor-result';
/** The one refusal for a stale Apply, from the content script and from the bridge alike. */
export const CHANGED_REASON = 'The text changed since it was checked; nothing was replaced. Review the new wording and try again.';
