// What the panel says when there is no draft to show, and why.
export type EmptyReason = { kind: 'no-draft' } | { kind: 'paused' } | { kind: 'site-off'; host: string } | { kind: 'internal-note' };

export function EmptyState({ reason }: { reason: EmptyReason }) {
  const [title, body] =
    reason.kind === 'paused'
      ? ['Tactful is paused', 'Turn it back on in the settings to check your replies.']
      : reason.kind === 'site-off'
        ? [`Tactful is off for ${reason.host}`, 'Turn it on for this site from the Tactful toolbar button.']
        : reason.kind === 'internal-note'
          ? ['Internal note', 'This is an internal note, not a reply to the customer, so its tone is not checked.']
          : ['Click into a reply to start', 'Tactful checks the reply you are writing in Gmail, Zendesk or a marketplace inbox and explains what to change here.'];
  return (
    <section className="empty" role="status" data-testid="empty-state" data-reason={reason.kind}>
      <h2>{title}</h2>
      <p>{body}</p>
    </section>
  );
}
