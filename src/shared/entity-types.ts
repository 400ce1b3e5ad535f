/** The kinds of entity a pack holds (a module of its own: the message protocol needs it without the pack schema). */
export const ENTITY_TYPES = ['person', 'organization', 'armed group', 'place', 'institution', 'event'] as const;
