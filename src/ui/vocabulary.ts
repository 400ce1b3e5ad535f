import type { MessageKey } from '../shared/i18n';
import type { Disagreement, EntityType } from '../shared/knowledge';

/** The message of each entity type (the pack's types are fixed words of the schema, not corpus text). */
export const ENTITY_TYPE_NAMES: Record<EntityType, MessageKey> = {
  person: 'typePerson',
  organization: 'typeOrganization',
  'armed group': 'typeArmedGroup',
  place: 'typePlace',
  institution: 'typeInstitution',
  event: 'typeEvent',
};

/** The message of each kind of disagreement. */
export const DISAGREEMENT_KIND_NAMES: Record<Disagreement['kind'], MessageKey> = {
  fact: 'kindFact',
  naming: 'kindNaming',
  framing: 'kindFraming',
};
