// Whose rows a list shows: this desk's own, or the whole team's (every desk on the shared source).
export type DeskScope = 'mine' | 'team';

export function DeskSelect({ value, onChange }: { value: DeskScope | undefined; onChange: (desk: DeskScope) => void }) {
  return (
    <select
      className="select"
      aria-label="Desk"
      value={value ?? 'team'}
      onChange={(e) => onChange(e.target.value === 'mine' ? 'mine' : 'team')}
    >
      <option value="team">Team (every desk)</option>
      <option value="mine">Mine (this desk)</option>
    </select>
  );
}
