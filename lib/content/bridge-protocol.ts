// Events between the isolated content script and the MAIN-world CKEditor bridge.
// Details are JSON strings (only primitives cross the world boundary reliably).
export const CKEDITOR_APPLY_EVENT = 'tactful:ckeditor-apply';
export const CKEDITOR_RESULT_EVENT = 'tactful:ckeditor-result';
/** The one refusal for a stale Apply, from the content script and from the bridge alike. */
export const CHANGED_REASON = 'The text changed since it was checked; nothing was replaced. Review the new wording and try again.';
/** The editor (or something answering for it) said the change was made, but its text is unchanged. */
export const NOT_APPLIED_REASON = 'The editor did not make the change, although it answered that it had; your text is as it was. Try again, or edit it by hand.';
/** The editor's text after an edit is neither the old text nor the expected one. */
export const DIFFERENT_REASON = 'The editor changed the text differently than expected; use Undo (Ctrl+Z) to get your text back.';
