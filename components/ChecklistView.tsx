// The checklist rows with their status as words and symbols (not only color);
// manual rows are checkboxes the writer ticks.
import type { ChecklistRow } from '../lib/ui-checklist.ts';

const STATUS_TEXT = { done: '✓ Done', missing: '✗ Missing', not_needed: '– Not needed' } as const;

interface Props {
  rows: ChecklistRow[];
  onTick?(id: string, done: boolean): void;
}

export function ChecklistView({ rows, onTick }: Props) {
  return (
    <ul className="checklist">
      {rows.map((row) =>
        row.source === 'manual' && onTick ? (
          <li key={row.id} data-item={row.id} data-status={row.status}>
            <label>
              <input type="checkbox" checked={row.status === 'done'} onChange={(e) => onTick(row.id, e.target.checked)} /> {row.label}
            </label>
          </li>
        ) : (
          <li key={row.id} data-item={row.id} data-status={row.status} title={row.rationale}>
            <span className={`status status-${row.status}`}>{STATUS_TEXT[row.status]}</span> {row.label}
          </li>
        ),
      )}
    </ul>
  );
}
