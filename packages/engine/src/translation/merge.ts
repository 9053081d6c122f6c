// An owner's edit is final: a later scan or sync translates again (the supplier may have changed
// the text) but never overwrites a title or description the admin edited. The store gate calls
// this with what is stored and what the translate gate produced; the flags live in the database.

export interface StoredTexts {
  title: string;
  description: string;
  titleEditedByAdmin: boolean;
  descriptionEditedByAdmin: boolean;
}

export interface IncomingTexts {
  title: string;
  description: string;
}

export interface MergedTexts extends StoredTexts {
  /** Which fields take the incoming text (false when kept because edited, or unchanged). */
  changed: { title: boolean; description: boolean };
}

/** Keeps admin-edited fields, takes the rest from `incoming`; a new product takes everything. */
export function mergeTexts(existing: StoredTexts | undefined, incoming: IncomingTexts): MergedTexts {
  if (!existing) {
    return {
      title: incoming.title,
      description: incoming.description,
      titleEditedByAdmin: false,
      descriptionEditedByAdmin: false,
      changed: { title: true, description: true },
    };
  }
  const title = existing.titleEditedByAdmin ? existing.title : incoming.title;
  const description = existing.descriptionEditedByAdmin ? existing.description : incoming.description;
  return {
    title,
    description,
    titleEditedByAdmin: existing.titleEditedByAdmin,
    descriptionEditedByAdmin: existing.descriptionEditedByAdmin,
    changed: { title: title !== existing.title, description: description !== existing.description },
  };
}
