// How a row's desk reads (issue 18: a team on one database): its published name, else its id (a desk
// whose name has not reached this cache), else "before desks" (a row from before desks had identities).

export interface DeskOf {
  deskId: string | null;
  deskName: string | null;
}

/** The desk's name, its id when no name is known, or "before desks". */
export function deskLabel(r: DeskOf): string {
  if (r.deskName) return r.deskName;
  return r.deskId ? `desk ${r.deskId}` : 'before desks';
}

/** Whether a row is this desk's own (its id is app.info's desk). */
export const isMine = (r: DeskOf, ownDeskId: string | null | undefined): boolean => !!ownDeskId && r.deskId === ownDeskId;
