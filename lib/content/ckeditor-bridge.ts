// Runs in the page's MAIN world on Zendesk: edits CKEditor 5's model directly
// (editableElement.ckeditorInstance), so the change is one undo step and
// editor.getData() reflects it. Offsets are those of extractText: paragraphs joined by "\n".
import type { TextEdit } from '../messages.ts';
import { CHANGED_REASON, CKEDITOR_APPLY_EVENT, CKEDITOR_RESULT_EVENT } from './bridge-protocol.ts';

type Answer = { ok: true } | { ok: false; reason: string };

export function installCkeditorBridge(): void {
  document.addEventListener(CKEDITOR_APPLY_EVENT, (event) => {
    const target = event.target as HTMLElement & { ckeditorInstance?: any };
    let answer: Answer;
    try {
      answer = applyToModel(target.ckeditorInstance, JSON.parse(String((event as CustomEvent).detail)) as TextEdit);
    } catch (err) {
      answer = { ok: false, reason: `The editor refused the change (${(err as Error).message}).` };
    }
    target.dispatchEvent(new CustomEvent(CKEDITOR_RESULT_EVENT, { detail: JSON.stringify(answer) }));
  }, true);
}

function applyToModel(editor: any, edit: TextEdit): Answer {
  if (!editor) return { ok: false, reason: 'No CKEditor instance on this field.' };
  const model = editor.model;
  const root = model.document.getRoot();
  // Each block's [start, end) in the plain text.
  const blocks: { node: any; start: number; text: string }[] = [];
  let offset = 0;
  for (const block of root.getChildren()) {
    let text = '';
    for (const child of block.getChildren?.() ?? []) text += child.is('$text') ? child.data : '\n';
    if (blocks.length) offset += 1;
    blocks.push({ node: block, start: offset, text });
    offset += text.length;
  }
  const full = blocks.map((b) => b.text).join('\n');
  if (full.slice(edit.start, edit.end) !== edit.expected) {
    return { ok: false, reason: CHANGED_REASON };
  }
  const locate = (pos: number) => {
    const block = [...blocks].reverse().find((b) => b.start <= pos) ?? blocks[0];
    return { block: block.node, offset: Math.min(pos - block.start, block.text.length) };
  };
  const a = locate(edit.start);
  const b = locate(edit.end);
  model.change((writer: any) => {
    const range = writer.createRange(writer.createPositionAt(a.block, a.offset), writer.createPositionAt(b.block, b.offset));
    const attrs = range.isCollapsed ? [] : [...(range.getItems().next().value?.getAttributes?.() ?? [])];
    const selection = writer.createSelection(range);
    // Blocks the range spans are merged; never reset to one empty paragraph (the start block must survive).
    model.deleteContent(selection, { doNotResetEntireContent: true });
    let position = selection.getFirstPosition();
    // Each "\n" of the replacement starts a new paragraph, as it does in the plain text.
    edit.replacement.split('\n').forEach((line, i) => {
      if (i > 0) position = writer.split(position).range.end;
      if (!line) return;
      writer.insertText(line, new Map(attrs), position);
      position = position.getShiftedBy(line.length);
    });
    // Caret after the replacement, as if typed: Ctrl+Z right away undoes it.
    writer.setSelection(position);
  });
  editor.editing.view.focus();
  return { ok: true };
}
