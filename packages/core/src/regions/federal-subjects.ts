/**
 * Reference table of the federal districts and the 89 federal subjects of the
 * Russian Federation (Constitution art. 65, in its order: republics, krais,
 * oblasts, federal cities, the autonomous oblast, autonomous okrugs).
 *
 * Sources:
 * - ОКАТО/ОКТМО, ISO 3166-2 and federal districts of the 85 pre-2022 subjects
 *   agree with the HFLabs «region» dataset (CC BY-SA 4.0), checked by
 *   regions-hflabs.test.ts against ../shared/data/regions-hflabs.csv.
 * - The four subjects admitted in 2022 are not in that dataset. Their two-digit
 *   ОКАТО/ОКТМО territory prefixes (ДНР 21, ЛНР 43, Запорожская 23,
 *   Херсонская 74) were checked against two independent public code bases
 *   (a Fedresurs region dictionary labelled `okato_oktmo_code`, and a region →
 *   official territory code map). The 11-digit ОКАТО and 8-digit ОКТМО values
 *   below are those prefixes padded with zeros, which is how the top-level
 *   (subject) entries of both classifiers are written for every other subject;
 *   the padded forms themselves were not seen in a published copy of the
 *   classifiers. They have no ISO 3166-2:RU code.
 * - Aliases are the spellings used by Rosstat tables (see
 *   ../shared/data/rosstat-org-counts-by-region-okved-2017-2022.csv), HFLabs,
 *   Natural Earth and the press. Matching is done by matchFederalSubject().
 */

export type FederalDistrictCode =
  'CFD' | 'NWFD' | 'SFD' | 'NCFD' | 'VFD' | 'UFD' | 'SIBFD' | 'FEFD';

export interface FederalDistrict {
  /** Stable code used as the primary key. */
  code: FederalDistrictCode;
  /** Short Russian name as used in statistics tables: 'Центральный'. */
  name: string;
  /** 'Центральный федеральный округ'. */
  fullName: string;
}

export type FederalSubjectKind =
  'republic' | 'krai' | 'oblast' | 'federal_city' | 'autonomous_oblast' | 'autonomous_okrug';

export interface FederalSubject {
  /**
   * Stable primary key: the two-digit ОКАТО prefix ('42' for Липецкая
   * область); for an autonomous okrug that lies inside another subject, its
   * five-digit ОКАТО prefix ('71100' for Ханты-Мансийский АО — Югра).
   */
  code: string;
  /** Official Russian name. */
  name: string;
  /** Compact Russian label for tables and maps. */
  shortName: string;
  kind: FederalSubjectKind;
  /** 11-digit ОКАТО code of the subject. */
  okato: string | null;
  /** 8-digit ОКТМО code of the subject. */
  oktmo: string | null;
  /**
   * ISO 3166-2 code under RU. Null where ISO 3166-2 has no RU- code: the
   * Republic of Crimea and Sevastopol (ISO lists them under UA) and the four
   * subjects admitted in 2022.
   */
  iso3166_2: string | null;
  /** Why iso3166_2 is null, when it is. */
  isoNote: string | null;
  federalDistrict: FederalDistrictCode;
  /** Other spellings found in statistics, registries and the press. */
  aliases: readonly string[];
}

export const FEDERAL_DISTRICTS: readonly FederalDistrict[] = [
  { code: 'CFD', name: 'Центральный', fullName: 'Центральный федеральный округ' },
  { code: 'NWFD', name: 'Северо-Западный', fullName: 'Северо-Западный федеральный округ' },
  { code: 'SFD', name: 'Южный', fullName: 'Южный федеральный округ' },
  { code: 'NCFD', name: 'Северо-Кавказский', fullName: 'Северо-Кавказский федеральный округ' },
  { code: 'VFD', name: 'Приволжский', fullName: 'Приволжский федеральный округ' },
  { code: 'UFD', name: 'Уральский', fullName: 'Уральский федеральный округ' },
  { code: 'SIBFD', name: 'Сибирский', fullName: 'Сибирский федеральный округ' },
  { code: 'FEFD', name: 'Дальневосточный', fullName: 'Дальневосточный федеральный округ' },
];

const NOT_IN_ISO_NEW_SUBJECT =
  'Admitted in 2022; ISO 3166-2 has no RU- code for it (ISO lists the territory under UA).';

/** Builds a subject whose ОКАТО/ОКТМО are the two-digit prefix padded with zeros. */
function subject(
  code: string,
  name: string,
  shortName: string,
  kind: FederalSubjectKind,
  iso3166_2: string | null,
  federalDistrict: FederalDistrictCode,
  aliases: readonly string[],
  isoNote: string | null = null,
): FederalSubject {
  return {
    code,
    name,
    shortName,
    kind,
    okato: code.padEnd(11, '0'),
    oktmo: code.padEnd(8, '0'),
    iso3166_2,
    isoNote,
    federalDistrict,
    aliases,
  };
}

export const FEDERAL_SUBJECTS: readonly FederalSubject[] = [
  // Republics
  subject('79', 'Республика Адыгея', 'Адыгея', 'republic', 'RU-AD', 'SFD', [
    'Республика Адыгея (Адыгея)',
    'Адыгея',
  ]),
  subject('84', 'Республика Алтай', 'Республика Алтай', 'republic', 'RU-AL', 'SIBFD', [
    'Горный Алтай',
  ]),
  subject('80', 'Республика Башкортостан', 'Башкортостан', 'republic', 'RU-BA', 'VFD', [
    'Башкортостан',
    'Башкирия',
  ]),
  subject('81', 'Республика Бурятия', 'Бурятия', 'republic', 'RU-BU', 'FEFD', ['Бурятия']),
  subject('82', 'Республика Дагестан', 'Дагестан', 'republic', 'RU-DA', 'NCFD', ['Дагестан']),
  subject(
    '21',
    'Донецкая Народная Республика',
    'ДНР',
    'republic',
    null,
    'SFD',
    ['ДНР'],
    NOT_IN_ISO_NEW_SUBJECT,
  ),
  subject('26', 'Республика Ингушетия', 'Ингушетия', 'republic', 'RU-IN', 'NCFD', ['Ингушетия']),
  subject(
    '83',
    'Кабардино-Балкарская Республика',
    'Кабардино-Балкария',
    'republic',
    'RU-KB',
    'NCFD',
    ['Кабардино-Балкария', 'КБР'],
  ),
  subject('85', 'Республика Калмыкия', 'Калмыкия', 'republic', 'RU-KL', 'SFD', ['Калмыкия']),
  subject(
    '91',
    'Карачаево-Черкесская Республика',
    'Карачаево-Черкесия',
    'republic',
    'RU-KC',
    'NCFD',
    ['Карачаево-Черкесия', 'КЧР'],
  ),
  subject('86', 'Республика Карелия', 'Карелия', 'republic', 'RU-KR', 'NWFD', ['Карелия']),
  subject('87', 'Республика Коми', 'Коми', 'republic', 'RU-KO', 'NWFD', ['Коми']),
  subject(
    '35',
    'Республика Крым',
    'Крым',
    'republic',
    null,
    'SFD',
    ['Крым'],
    'ISO 3166-2 lists the territory under Ukraine as UA-43.',
  ),
  subject(
    '43',
    'Луганская Народная Республика',
    'ЛНР',
    'republic',
    null,
    'SFD',
    ['ЛНР'],
    NOT_IN_ISO_NEW_SUBJECT,
  ),
  subject('88', 'Республика Марий Эл', 'Марий Эл', 'republic', 'RU-ME', 'VFD', ['Марий Эл']),
  subject('89', 'Республика Мордовия', 'Мордовия', 'republic', 'RU-MO', 'VFD', ['Мордовия']),
  subject('98', 'Республика Саха (Якутия)', 'Якутия', 'republic', 'RU-SA', 'FEFD', [
    'Республика Саха',
    'Якутия',
    'Саха (Якутия)',
  ]),
  subject(
    '90',
    'Республика Северная Осетия — Алания',
    'Северная Осетия',
    'republic',
    'RU-SE',
    'NCFD',
    ['Республика Северная Осетия-Алания', 'Северная Осетия — Алания', 'Северная Осетия'],
  ),
  subject('92', 'Республика Татарстан', 'Татарстан', 'republic', 'RU-TA', 'VFD', [
    'Республика Татарстан (Татарстан)',
    'Татарстан',
  ]),
  subject('93', 'Республика Тыва', 'Тыва', 'republic', 'RU-TY', 'SIBFD', ['Тыва', 'Тува']),
  subject('94', 'Удмуртская Республика', 'Удмуртия', 'republic', 'RU-UD', 'VFD', ['Удмуртия']),
  subject('95', 'Республика Хакасия', 'Хакасия', 'republic', 'RU-KK', 'SIBFD', ['Хакасия']),
  subject('96', 'Чеченская Республика', 'Чечня', 'republic', 'RU-CE', 'NCFD', ['Чечня']),
  subject('97', 'Чувашская Республика — Чувашия', 'Чувашия', 'republic', 'RU-CU', 'VFD', [
    'Чувашская Республика - Чувашия',
    'Чувашская Республика',
    'Чувашия',
  ]),

  // Krais
  subject('01', 'Алтайский край', 'Алтайский край', 'krai', 'RU-ALT', 'SIBFD', []),
  subject('76', 'Забайкальский край', 'Забайкальский край', 'krai', 'RU-ZAB', 'FEFD', []),
  subject('30', 'Камчатский край', 'Камчатский край', 'krai', 'RU-KAM', 'FEFD', []),
  subject('03', 'Краснодарский край', 'Краснодарский край', 'krai', 'RU-KDA', 'SFD', ['Кубань']),
  subject('04', 'Красноярский край', 'Красноярский край', 'krai', 'RU-KYA', 'SIBFD', []),
  subject('57', 'Пермский край', 'Пермский край', 'krai', 'RU-PER', 'VFD', []),
  subject('05', 'Приморский край', 'Приморский край', 'krai', 'RU-PRI', 'FEFD', ['Приморье']),
  subject('07', 'Ставропольский край', 'Ставропольский край', 'krai', 'RU-STA', 'NCFD', []),
  subject('08', 'Хабаровский край', 'Хабаровский край', 'krai', 'RU-KHA', 'FEFD', []),

  // Oblasts
  oblast('10', 'Амурская', 'RU-AMU', 'FEFD'),
  oblast('11', 'Архангельская', 'RU-ARK', 'NWFD', [
    // Rosstat publishes the oblast both with and without the Nenets okrug; the
    // "(кроме …)" row is a part of this subject, not another subject.
    'Архангельская область (кроме Ненецкого автономного округа)',
  ]),
  oblast('12', 'Астраханская', 'RU-AST', 'SFD'),
  oblast('14', 'Белгородская', 'RU-BEL', 'CFD'),
  oblast('15', 'Брянская', 'RU-BRY', 'CFD'),
  oblast('17', 'Владимирская', 'RU-VLA', 'CFD'),
  oblast('18', 'Волгоградская', 'RU-VGG', 'SFD'),
  oblast('19', 'Вологодская', 'RU-VLG', 'NWFD'),
  oblast('20', 'Воронежская', 'RU-VOR', 'CFD'),
  { ...oblast('23', 'Запорожская', null, 'SFD'), isoNote: NOT_IN_ISO_NEW_SUBJECT },
  oblast('24', 'Ивановская', 'RU-IVA', 'CFD'),
  oblast('25', 'Иркутская', 'RU-IRK', 'SIBFD'),
  oblast('27', 'Калининградская', 'RU-KGD', 'NWFD'),
  oblast('29', 'Калужская', 'RU-KLU', 'CFD'),
  subject('32', 'Кемеровская область — Кузбасс', 'Кемеровская обл.', 'oblast', 'RU-KEM', 'SIBFD', [
    'Кемеровская область - Кузбасс',
    'Кемеровская область',
    'Кемеровская обл.',
    'Кузбасс',
  ]),
  oblast('33', 'Кировская', 'RU-KIR', 'VFD'),
  oblast('34', 'Костромская', 'RU-KOS', 'CFD'),
  oblast('37', 'Курганская', 'RU-KGN', 'UFD'),
  oblast('38', 'Курская', 'RU-KRS', 'CFD'),
  oblast('41', 'Ленинградская', 'RU-LEN', 'NWFD'),
  oblast('42', 'Липецкая', 'RU-LIP', 'CFD'),
  oblast('44', 'Магаданская', 'RU-MAG', 'FEFD'),
  oblast('46', 'Московская', 'RU-MOS', 'CFD', ['Подмосковье']),
  oblast('47', 'Мурманская', 'RU-MUR', 'NWFD'),
  oblast('22', 'Нижегородская', 'RU-NIZ', 'VFD'),
  oblast('49', 'Новгородская', 'RU-NGR', 'NWFD'),
  oblast('50', 'Новосибирская', 'RU-NVS', 'SIBFD'),
  oblast('52', 'Омская', 'RU-OMS', 'SIBFD'),
  oblast('53', 'Оренбургская', 'RU-ORE', 'VFD'),
  oblast('54', 'Орловская', 'RU-ORL', 'CFD'),
  oblast('56', 'Пензенская', 'RU-PNZ', 'VFD'),
  oblast('58', 'Псковская', 'RU-PSK', 'NWFD'),
  oblast('60', 'Ростовская', 'RU-ROS', 'SFD'),
  oblast('61', 'Рязанская', 'RU-RYA', 'CFD'),
  oblast('36', 'Самарская', 'RU-SAM', 'VFD'),
  oblast('63', 'Саратовская', 'RU-SAR', 'VFD'),
  oblast('64', 'Сахалинская', 'RU-SAK', 'FEFD'),
  oblast('65', 'Свердловская', 'RU-SVE', 'UFD'),
  oblast('66', 'Смоленская', 'RU-SMO', 'CFD'),
  oblast('68', 'Тамбовская', 'RU-TAM', 'CFD'),
  oblast('28', 'Тверская', 'RU-TVE', 'CFD'),
  oblast('69', 'Томская', 'RU-TOM', 'SIBFD'),
  oblast('70', 'Тульская', 'RU-TUL', 'CFD'),
  oblast('71', 'Тюменская', 'RU-TYU', 'UFD', [
    // As for Архангельская: a Rosstat row for the oblast without its okrugs.
    'Тюменская область (кроме Ханты-Мансийского автономного округа-Югры и Ямало-Ненецкого автономного округа)',
  ]),
  oblast('73', 'Ульяновская', 'RU-ULY', 'VFD'),
  { ...oblast('74', 'Херсонская', null, 'SFD'), isoNote: NOT_IN_ISO_NEW_SUBJECT },
  oblast('75', 'Челябинская', 'RU-CHE', 'UFD'),
  oblast('78', 'Ярославская', 'RU-YAR', 'CFD'),

  // Federal cities
  subject('45', 'Москва', 'Москва', 'federal_city', 'RU-MOW', 'CFD', [
    'г. Москва',
    'город Москва',
    'Город Москва столица Российской Федерации город федерального значения',
  ]),
  subject('40', 'Санкт-Петербург', 'Санкт-Петербург', 'federal_city', 'RU-SPE', 'NWFD', [
    'г. Санкт-Петербург',
    'город Санкт-Петербург',
    'Город Санкт-Петербург город федерального значения',
  ]),
  subject(
    '67',
    'Севастополь',
    'Севастополь',
    'federal_city',
    null,
    'SFD',
    ['г. Севастополь', 'город Севастополь', 'Город Севастополь город федерального значения'],
    'ISO 3166-2 lists the territory under Ukraine as UA-40.',
  ),

  // Autonomous oblast
  subject(
    '99',
    'Еврейская автономная область',
    'Еврейская АО',
    'autonomous_oblast',
    'RU-YEV',
    'FEFD',
    ['Еврейская авт. обл.'],
  ),

  // Autonomous okrugs. Three of them lie inside another subject, so their
  // ОКАТО is a five-digit prefix and their ОКТМО differs from the ОКАТО.
  {
    code: '11100',
    name: 'Ненецкий автономный округ',
    shortName: 'Ненецкий АО',
    kind: 'autonomous_okrug',
    okato: '11100000000',
    oktmo: '11800000',
    iso3166_2: 'RU-NEN',
    isoNote: null,
    federalDistrict: 'NWFD',
    aliases: ['Ненецкий АО', 'Ненецкий автономный округ (Архангельская область)'],
  },
  {
    code: '71100',
    name: 'Ханты-Мансийский автономный округ — Югра',
    shortName: 'ХМАО — Югра',
    kind: 'autonomous_okrug',
    okato: '71100000000',
    oktmo: '71800000',
    iso3166_2: 'RU-KHM',
    isoNote: null,
    federalDistrict: 'UFD',
    aliases: [
      'Ханты-Мансийский автономный округ - Югра',
      'Ханты-Мансийский автономный округ - Югра (Тюменская область)',
      'Ханты-Мансийский автономный округ',
      'Ханты-Мансийский АО',
      'ХМАО',
      'ХМАО-Югра',
      'Югра',
    ],
  },
  subject(
    '77',
    'Чукотский автономный округ',
    'Чукотский АО',
    'autonomous_okrug',
    'RU-CHU',
    'FEFD',
    ['Чукотский АО', 'Чукотка'],
  ),
  {
    code: '71140',
    name: 'Ямало-Ненецкий автономный округ',
    shortName: 'ЯНАО',
    kind: 'autonomous_okrug',
    okato: '71140000000',
    oktmo: '71900000',
    iso3166_2: 'RU-YAN',
    isoNote: null,
    federalDistrict: 'UFD',
    aliases: ['Ямало-Ненецкий АО', 'ЯНАО', 'Ямало-Ненецкий автономный округ (Тюменская область)'],
  },
];

function oblast(
  code: string,
  adjective: string,
  iso3166_2: string | null,
  federalDistrict: FederalDistrictCode,
  extraAliases: readonly string[] = [],
): FederalSubject {
  return subject(
    code,
    `${adjective} область`,
    `${adjective} обл.`,
    'oblast',
    iso3166_2,
    federalDistrict,
    [`${adjective} обл.`, ...extraAliases],
  );
}
