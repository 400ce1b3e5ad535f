import { describe, expect, it } from 'vitest';
import { addScores, classOf, decideType, mentionScores, noScores } from './entity-types';
import { findNames } from './name-spans';

/** The type the evidence of every mention of `name` in `text` gives. */
function typeIn(text: string, name: string) {
  const mentions = findNames(text).names.filter((m) => m.text === name);
  expect(mentions.length, `${name} is found`).toBeGreaterThan(0);
  return decideType(mentions.map(mentionScores).reduce(addScores, noScores()), name.split(' ').length);
}

describe('entity types', () => {
  it('reads head nouns, at the end of the name or before its "of"', () => {
    expect(typeIn('Staff at Kestrel Capital met the Chamber of Notaries and the Ministry of Water near Baker Street.', 'Kestrel Capital')).toBe('organization');
    expect(typeIn('Staff at Kestrel Capital met the Chamber of Notaries and the Ministry of Water near Baker Street.', 'Chamber of Notaries')).toBe('organization');
    expect(typeIn('Staff at Kestrel Capital met the Chamber of Notaries and the Ministry of Water near Baker Street.', 'Ministry of Water')).toBe('institution');
    expect(typeIn('Staff at Kestrel Capital met the Chamber of Notaries and the Ministry of Water near Baker Street.', 'Baker Street')).toBe('place');
  });

  it('types armed groups by their words and the words around them, never as people', () => {
    expect(typeIn('Talks with Ahrar al-Tarsk stalled.', 'Ahrar al-Tarsk')).toBe('armed group');
    expect(typeIn('Fighters of Kessel Brigade withdrew.', 'Kessel Brigade')).toBe('armed group');
    expect(typeIn('Officials blamed Orvani militants for the attack.', 'Orvani')).toBe('armed group');
    expect(typeIn('The jihadist group Nasr al-Din claimed it.', 'Nasr al-Din')).toBe('armed group');
  });

  it('types people by titles, roles, ages and given names', () => {
    expect(typeIn('The prefect, Evence Marot, said so.', 'Evence Marot')).toBe('person');
    expect(typeIn('Asked why, Ilse Varga, 58, shrugged.', 'Ilse Varga')).toBe('person');
    expect(typeIn('Historian Tanyo Brel said so.', 'Tanyo Brel')).toBe('person');
    expect(typeIn('Lena Okafor spoke first.', 'Lena Okafor')).toBe('person');
  });

  it('types places by their context, and companies by theirs', () => {
    expect(typeIn('Floods hit Carrow province and the villages of Velm.', 'Carrow')).toBe('place');
    expect(typeIn('Floods hit Carrow province and the villages of Velm.', 'Velm')).toBe('place');
    expect(typeIn('Shares in Ostrel fell after the retailer Harlow reported a loss.', 'Ostrel')).toBe('organization');
    expect(typeIn('Shares in Ostrel fell after the retailer Harlow reported a loss.', 'Harlow')).toBe('organization');
  });

  it('falls back to a place for one unknown word and to an organisation for more', () => {
    expect(decideType(noScores(), 1)).toBe('place');
    expect(decideType(noScores(), 2)).toBe('organization');
    expect(classOf('armed group')).toBe('body');
  });

  it('types one-word bodies by the words around them: party, platform, club, "it", a description', () => {
    expect(typeIn('Lawmakers from the Hlas party voted. Later Hlas left.', 'Hlas')).toBe('organization');
    expect(typeIn('The group said in a post on Velgram that Marrow had fallen.', 'Velgram')).toBe('organization');
    expect(typeIn('The referee was blamed by Olvara’s coach.', 'Olvara')).toBe('organization');
    expect(typeIn('Officials said Brenmar said in a filing that it was investigating.', 'Brenmar')).toBe('organization');
    expect(typeIn('They asked Conbola, South America’s football confederation, for help.', 'Conbola')).toBe('organization');
    expect(typeIn('Farms are run by Novelta, the company said on Monday.', 'Novelta')).toBe('organization');
    expect(typeIn('Officials at the Chile office of Marevo agreed.', 'Marevo')).toBe('organization');
    expect(typeIn('Shares fell at TotalVerde on Monday.', 'TotalVerde')).toBe('organization');
  });

  it('types armed groups named by a description, and names that open with a head noun', () => {
    expect(typeIn('Guards from a local militia known as Naparos fled.', 'Naparos')).toBe('armed group');
    expect(typeIn('Later Vesko, the Amhara militia that fought in the war, denied it.', 'Vesko')).toBe('armed group');
    expect(typeIn('Two were treated at the Hospital de Clínicas on Sunday.', 'Hospital de Clínicas')).toBe('institution');
    expect(typeIn('Jobs would go in Los Verdes.', 'Los Verdes')).toBe('place');
  });

  it('reads what the noun before "known as" or "called" says, and where a description ends ("a faction led by …")', () => {
    expect(typeIn('Police raided a house of a gang leader known as "Ti Baro" on Friday.', 'Ti Baro')).toBe('person');
    expect(typeIn('He ran a news page on Facebook called Voces del Norte until May.', 'Voces del Norte')).not.toBe('person');
    expect(typeIn('The fighting pits Los Gatitos, a faction led by sons of a jailed smuggler, against the army.', 'Los Gatitos')).toBe('armed group');
    expect(typeIn('Flights to Dalmora were cancelled, as were flights to Varnel and Osk Tarra on Monday.', 'Osk Tarra')).toBe('place');
  });

  it('types an airline by its last word', () => {
    expect(typeIn('Staff said Kestrel Air cancelled flights.', 'Kestrel Air')).toBe('organization');
  });

  it('reads the noun before a name or before its comma, and whose "who" follows "the leader of X"', () => {
    expect(typeIn('A contract with the battery maker KTLX was signed.', 'KTLX')).toBe('organization');
    expect(typeIn('The case followed a complaint from a lawyer, Anan Suwanrat, in May.', 'Anan Suwanrat')).toBe('person');
    expect(typeIn('The Union’s border agency, Bordex, patrols the coast.', 'Bordex')).toBe('organization');
    expect(typeIn('Pita Sorn, the former leader of Move Ahead, who was banned, wrote on Monday.', 'Move Ahead')).toBe('organization');
    expect(typeIn('Ishaq Rahim, a passenger from Kessel, said the driver had been killed.', 'Ishaq Rahim')).toBe('person');
  });

  it('reads a Romance head noun that opens a name without a particle', () => {
    expect(typeIn('Officers of the Guardia Costera said 80 people had landed.', 'Guardia Costera')).toBe('institution');
  });

  it('reads a description before a comma that opens with an article, a place after "in eastern", and a partner joined by "and"', () => {
    expect(typeIn('The UN peacekeeping mission, Kessmon, said its troops had withdrawn.', 'Kessmon')).toBe('institution');
    expect(typeIn('Poverty rose, according to the national statistics institute, Tarstat, on Monday.', 'Tarstat')).toBe('institution');
    expect(typeIn('Fighting spread in eastern Varnia on Monday; a former head of Varnia’s electoral commission said so.', 'Varnia')).toBe('place');
    expect(typeIn('LG Electronics and Tarvocon said their plants had closed.', 'Tarvocon')).toBe('organization');
  });

  it('reads armed groups from a terrorist designation and from a plural kind noun, and institutions from a noun after the name', () => {
    expect(typeIn('Los Gatos, which the United States designated a terrorist organisation in May, denied it.', 'Los Gatos')).toBe('armed group');
    expect(typeIn('Residents said Varo militias had fled.', 'Varo')).toBe('armed group');
    expect(typeIn('Doctors at Kyesha hospital treated 100 people.', 'Kyesha')).toBe('institution');
  });

  it('reads a family, a place’s offices and what firms do', () => {
    expect(typeIn('The firm is controlled by the Varossi family, officials said.', 'Varossi')).toBe('person');
    expect(typeIn('Officials said Tarsk’s mayor had resigned.', 'Tarsk')).toBe('place');
    expect(typeIn('Shares fell after Kestrova reported a loss in May.', 'Kestrova')).toBe('organization');
  });

  it('weighs "al-" inside a name less than "bin" or "abu": places and groups carry it too', () => {
    expect(typeIn('Fighting spread in the oil-rich Wadi al-Tarsk province on Monday.', 'Wadi al-Tarsk')).toBe('place');
    expect(typeIn('Officials met Ahmad bin Tarsk on Monday.', 'Ahmad bin Tarsk')).toBe('person');
  });
});
