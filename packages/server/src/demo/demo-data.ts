import { day, month, range, season, year } from '@promatlas/core/dates/partial-date.ts';
import type { DemoData, DemoOrganisation, DemoParticipant } from './demo-data.types.ts';

/**
 * Every fact of the five seed press releases (../shared/seeds, copied to
 * ./sources) plus the verified reference rules PromAtlas relies on. Where a
 * seed is silent, the field is absent: nothing here is invented. Each record
 * quotes the sentence it comes from; the loader checks the quote is verbatim.
 *
 * Keys: S000…S004 are the seeds, REF the reference rules. Region codes are
 * ОКАТО prefixes: 42 Липецкая, 68 Тамбовская, 45 Москва, 44 Магаданская,
 * 66 Смоленская, 40 Санкт-Петербург.
 */

const S0 = 'S000';
const S1 = 'S001';
const S2 = 'S002';
const S3 = 'S003';
const S4 = 'S004';
const REF = 'REF';

// Seed 002: the setup session's list of enterprises, quoted once per record.
const ENTERPRISES_2013: Array<{
  key: string;
  form: string;
  name: string;
  town?: string;
  quote: string;
}> = [
  {
    key: 'armastek-lipetsk-npk',
    form: 'ООО',
    name: '«НПК Армастек Липецк»',
    town: 'Липецк',
    quote: 'ООО «НПК Армастек Липецк» (г.Липецк)',
  },
  {
    key: 'indesit',
    form: 'ЗАО',
    name: '«Индезит Интернэшнл»',
    town: 'Липецк',
    quote: 'ЗАО «Индезит Интернэшнл» (г.Липецк)',
  },
  {
    key: 'energiya',
    form: 'ОАО',
    name: '«Энергия»',
    town: 'Елец',
    quote: 'ОАО «Энергия» (г.Елец)',
  },
  {
    key: 'gidroprivod',
    form: 'ОАО',
    name: '«Гидропривод»',
    town: 'Елец',
    quote: 'ОАО «Гидропривод» (г.Елец)',
  },
  {
    key: 'gkz',
    form: 'ОАО',
    name: '«Грязинский культиваторный завод»',
    quote: 'ОАО «Грязинский культиваторный завод»',
  },
  {
    key: 'armastek-lipetsk',
    form: 'ООО',
    name: '«Армастек-Липецк»',
    town: 'с. Хлевное',
    quote: 'ООО «Армастек-Липецк» (с.Хлевное)',
  },
  {
    key: 'elektoapparat',
    form: 'ООО',
    name: 'ВПО «Электоаппарат» ВОС',
    town: 'Липецк',
    quote: 'ООО ВПО «Электоаппарат» ВОС (г.Липецк)',
  },
  {
    key: 'assol',
    form: 'ООО',
    name: '«Компания Ассоль»',
    town: 'Лебедянь',
    quote: 'ООО «Компания Ассоль» (г.Лебедянь)',
  },
  {
    key: 'penoplast',
    form: 'ООО',
    name: '«Завод «Пенопласт»',
    town: 'Липецк',
    quote: 'ООО «Завод «Пенопласт» (г.Липецк)',
  },
  {
    key: 'lssp',
    form: 'ЗАО',
    name: '«Липецкое станкостроительное предприятие»',
    quote: 'ЗАО «Липецкое станкостроительное предприятие»',
  },
  {
    key: 'vozrozhdenie',
    form: 'ЗАО',
    name: '«Липецкий станкозавод «Возрождение»',
    quote: 'ЗАО «Липецкий станкозавод «Возрождение»',
  },
  {
    key: 'europanels',
    form: 'ООО',
    name: '«Европанелс Ру»',
    town: 'Лебедянь',
    quote: 'ООО «Европанелс Ру» (г.Лебедянь)',
  },
  {
    key: 'gidravlik',
    form: 'ОАО',
    name: '«Гидравлик»',
    town: 'Грязи',
    quote: 'ОАО «Гидравлик» (г.Грязи)',
  },
];

const EDUCATION_2013 = [
  {
    key: 'lgtu',
    kind: 'university',
    name: 'Липецкий государственный технический университет',
    shortName: 'ЛГТУ',
    quote: 'Липецкого государственного технического университета',
  },
  {
    key: 'nii-lgtu',
    kind: 'research_institute',
    name: 'Научно-исследовательский институт ЛГТУ',
    parent: 'lgtu',
    quote: 'Научно-исследовательского института ЛГТУ',
  },
  {
    key: 'egu',
    kind: 'university',
    name: 'Елецкий государственный университет',
    quote: 'Елецкого государственного университета',
  },
  {
    key: 'lmk',
    kind: 'college',
    name: 'Липецкий машиностроительный колледж',
    quote: 'Липецкого машиностроительного колледжа',
  },
] as const;

const GOVERNMENT_2013 = [
  {
    key: 'lipetsk-economy',
    name: 'Управление экономики администрации Липецкой области',
    quote: 'управления экономики администрации области',
  },
  {
    key: 'lipetsk-education',
    name: 'Управление образования и науки Липецкой области',
    quote: 'управления образования и науки',
  },
  {
    key: 'lipetsk-agriculture',
    name: 'Управление сельского хозяйства Липецкой области',
    quote: 'управления сельского хозяйства',
  },
  {
    key: 'lipetsk-investment',
    name: 'Управление инвестиций и международных связей Липецкой области',
    quote: 'управления инвестиций и международных связей',
  },
  {
    key: 'lipetsk-sme',
    name: 'Управление по развитию малого и среднего бизнеса Липецкой области',
    quote: 'управления по развитию малого и среднего бизнеса Липецкой области',
  },
] as const;

export const DEMO_DATA: DemoData = {
  sources: [
    {
      key: S0,
      file: '000_1c4df9b620fdb1bc.txt',
      kind: 'press_release',
      title: 'Передовой опыт липчан по внедрению инноваций тиражируется по всей стране',
      publisher: 'Пресс-служба',
      published: day(2024, 3, 14),
      url: null,
    },
    {
      key: S1,
      file: '001_73c7b348e58883e6.txt',
      kind: 'news',
      title:
        'Состоялась стратегическая сессия «Формирование промышленного кластера сельхозмашиностроения Липецкой области»',
      publisher: 'Центр кластерного развития Липецкой области',
      published: day(2017, 12, 6),
      url: null,
    },
    // Undated in the text; it was written after the 9–10 October session and before the 28–29 October one.
    {
      key: S2,
      file: '002_d7c196e4e83e66a2.txt',
      kind: 'press_release',
      title:
        'Установочная сессия по разработке стратегии кластеризации экономического пространства в промышленности Липецкой области',
      publisher: null,
      published: month(2013, 10),
      url: null,
    },
    {
      key: S3,
      file: '003_fbfea715c7b481e1.txt',
      kind: 'news',
      title:
        'Ассоциация кластеров, технопарков и ОЭЗ России и Тамбовская область заключили соглашение о сотрудничестве на ПМЭФ-2022',
      publisher: null,
      published: year(2022),
      url: null,
    },
    {
      key: S4,
      file: '004_da01281b82393137.txt',
      kind: 'news',
      title:
        'Москва становится надёжным партнером в развитии индустриального сектора Магаданской области',
      publisher: 'russian.rt.com',
      published: null,
      url: null,
    },
    {
      key: REF,
      file: 'promatlas-reference.txt',
      kind: 'reference',
      title: 'Справочные сведения PromAtlas: типы ОЭЗ, рейтинги АКИТ РФ, ПП РФ № 41',
      publisher: 'PromAtlas',
      published: null,
      url: null,
    },
  ],

  organisations: [
    {
      key: 'lipetsk-uipp',
      kind: 'government_body',
      name: 'Управление инновационной и промышленной политики Липецкой области',
      region: '42',
      aliases: ['управление инновационной и промышленной политики'],
      source: S1,
      quote:
        'Организатором стратегической сессии выступило управление инновационной и промышленной политики Липецкой области',
    },
    {
      key: 'ckr-lipetsk',
      kind: 'development_institution',
      name: '«Центр кластерного развития Липецкой области»',
      legalForm: 'ОАУ',
      fullName: 'Областное автономное учреждение «Центр кластерного развития Липецкой области»',
      shortName: 'ЦКР Липецкой области',
      region: '42',
      aliases: ['Центр кластерного развития Липецкой области', 'ЦКР'],
      source: S1,
      quote:
        'при поддержке областного автономного учреждения «Центр кластерного развития Липецкой области»',
    },
    // Seed 001 (2017) names the association by its legal name, seed 003 (2022) by its brand; the same director (А. В. Шпиленко) heads both.
    {
      key: 'akit',
      kind: 'association',
      name: 'Ассоциация кластеров, технопарков и ОЭЗ России',
      shortName: 'АКИТ РФ',
      aliases: ['Ассоциация организаций содействия развитию кластеров и технопарков', 'АКИТ'],
      source: S3,
      quote: 'директор Ассоциации кластеров, технопарков и ОЭЗ России Андрей Шпиленко',
    },
    {
      key: 'minpromtorg',
      kind: 'government_body',
      name: 'Минпромторг России',
      fullName: 'Министерство промышленности и торговли Российской Федерации',
      aliases: ['Минпромторг'],
      source: S1,
      quote: 'поддержаны со стороны Минпромторга России',
    },
    {
      key: 'panaceya',
      kind: 'consultancy',
      name: '«Центр консалтинга «Панацея»',
      legalForm: 'ООО',
      region: '40',
      description: 'Петербургская консалтинговая компания',
      source: S2,
      quote: 'совместно с петербургской консалтинговой компанией ООО «Центр консалтинга «Панацея»',
    },
    ...ENTERPRISES_2013.map((e): DemoOrganisation => ({
      key: e.key,
      kind: 'enterprise',
      name: e.name,
      legalForm: e.form,
      region: '42',
      ...(e.town ? { town: e.town } : {}),
      source: S2,
      quote: e.quote,
    })),
    ...EDUCATION_2013.map((e): DemoOrganisation => ({
      key: e.key,
      kind: e.kind,
      name: e.name,
      region: '42',
      ...('shortName' in e ? { shortName: e.shortName } : {}),
      ...('parent' in e ? { parent: e.parent } : {}),
      source: S2,
      quote: e.quote,
    })),
    ...GOVERNMENT_2013.map((g): DemoOrganisation => ({
      key: g.key,
      kind: 'government_body',
      name: g.name,
      region: '42',
      source: S2,
      quote: g.quote,
    })),
    {
      key: 'lipetskaya-gazeta',
      kind: 'media',
      name: '«Липецкая газета»',
      region: '42',
      source: S0,
      quote: 'цитирует губернатора Липецкой области Игоря Артамонова «Липецкая газета»',
    },
    {
      key: 'amkodor',
      kind: 'foreign_company',
      name: '«Амкодор»',
      country: 'BY',
      description: 'Белорусский холдинг',
      aliases: ['Амкодор'],
      source: S0,
      quote: 'белорусский холдинг «Амкодор» восстанавливает легендарный Липецкий тракторный завод',
    },
    {
      key: 'ltz',
      kind: 'enterprise',
      name: 'Липецкий тракторный завод',
      region: '42',
      source: S0,
      quote: 'белорусский холдинг «Амкодор» восстанавливает легендарный Липецкий тракторный завод',
    },
    {
      key: 'motorinvest',
      kind: 'enterprise',
      name: '«Моторинвест»',
      region: '42',
      description: 'Первый в стране завод электромобилей',
      aliases: ['Моторинвест'],
      source: S0,
      quote:
        'Новый этап в развитии автомобильной индустрии России начался с запуска первого в стране завода электромобилей под названием «Моторинвест».',
    },
    {
      key: 'tambov-administration',
      kind: 'government_body',
      name: 'Администрация Тамбовской области',
      region: '68',
      source: S3,
      quote: 'врио главы администрации Тамбовской области Максимом Егоровым',
    },
    {
      key: 'moscow-dipp',
      kind: 'government_body',
      name: 'Департамент инвестиционной и промышленной политики города Москвы',
      region: '45',
      aliases: ['Департамент инвестиционной и промышленной политики'],
      source: S4,
      quote:
        'Глава столичного Департамента инвестиционной и промышленной политики Анатолий Гарбузов',
    },
    {
      key: 'moscow-government',
      kind: 'government_body',
      name: 'Правительство Москвы',
      region: '45',
      source: S4,
      quote:
        'На встрече правительств Москвы, Магаданской области и представителей Минпромторга России был утвержден совместный план действий.',
    },
    {
      key: 'magadan-government',
      kind: 'government_body',
      name: 'Правительство Магаданской области',
      region: '44',
      source: S4,
      quote:
        'На встрече правительств Москвы, Магаданской области и представителей Минпромторга России был утвержден совместный план действий.',
    },
    {
      key: 'rzd',
      kind: 'enterprise',
      name: 'РЖД',
      source: S4,
      quote: 'заявил о курсах на расширение сотрудничества промышленников региона с РЖД',
    },
  ],

  people: [
    {
      key: 'artamonov',
      lastName: 'Артамонов',
      firstName: 'Игорь',
      source: S0,
      quote: 'губернатора Липецкой области Игоря Артамонова',
    },
    {
      key: 'shchedrov',
      lastName: 'Щедров',
      firstName: 'Алексей',
      patronymic: 'Иванович',
      source: S1,
      quote: 'Щедров Алексей Иванович',
    },
    {
      key: 'shpilenko',
      lastName: 'Шпиленко',
      firstName: 'Андрей',
      patronymic: 'Викторович',
      source: S1,
      quote: 'Шпиленко Андрей Викторович',
    },
    {
      key: 'lavrentyev',
      lastName: 'Лаврентьев',
      firstName: 'Владимир',
      patronymic: 'Васильевич',
      source: S2,
      quote: 'Лаврентьев Владимир Васильевич',
    },
    {
      key: 'egorov',
      lastName: 'Егоров',
      firstName: 'Максим',
      source: S3,
      quote: 'врио главы администрации Тамбовской области Максимом Егоровым',
    },
    {
      key: 'garbuzov',
      lastName: 'Гарбузов',
      firstName: 'Анатолий',
      source: S4,
      quote:
        'Глава столичного Департамента инвестиционной и промышленной политики Анатолий Гарбузов',
    },
    {
      key: 'anokhin',
      lastName: 'Анохин',
      firstName: 'Василий',
      source: S4,
      quote: 'губернатор Смоленской области Василий Анохин',
    },
  ],

  positions: [
    {
      key: 'artamonov-governor',
      person: 'artamonov',
      region: '42',
      title: 'Губернатор Липецкой области',
      asOf: day(2024, 3, 14),
      source: S0,
      quote: 'губернатора Липецкой области Игоря Артамонова',
    },
    {
      key: 'shchedrov-head',
      person: 'shchedrov',
      organisation: 'lipetsk-uipp',
      title: 'Начальник управления инновационной и промышленной политики Липецкой области',
      asOf: day(2017, 12, 5),
      source: S1,
      quote:
        'Начальник управления инновационной и промышленной политики Липецкой области – Щедров Алексей Иванович',
    },
    {
      key: 'shpilenko-2017',
      person: 'shpilenko',
      organisation: 'akit',
      title: 'Директор Ассоциации организаций содействия развитию кластеров и технопарков',
      asOf: day(2017, 12, 5),
      source: S1,
      quote:
        'Директор Ассоциации организаций содействия развитию кластеров и технопарков – Шпиленко Андрей Викторович',
    },
    {
      key: 'shpilenko-2022',
      person: 'shpilenko',
      organisation: 'akit',
      title: 'Директор Ассоциации кластеров, технопарков и ОЭЗ России',
      asOf: year(2022),
      source: S3,
      quote: 'директор Ассоциации кластеров, технопарков и ОЭЗ России Андрей Шпиленко',
    },
    {
      key: 'lavrentyev-head',
      person: 'lavrentyev',
      organisation: 'lipetsk-uipp',
      title: 'Начальник управления инновационной и промышленной политики Липецкой области',
      asOf: range('2013-10-09', '2013-10-10'),
      source: S2,
      quote:
        'Работу установочной сессии открыл начальник управления инновационной и промышленной политики Липецкой области Лаврентьев Владимир Васильевич.',
    },
    {
      key: 'egorov-acting-head',
      person: 'egorov',
      organisation: 'tambov-administration',
      region: '68',
      title: 'Временно исполняющий обязанности главы администрации Тамбовской области',
      asOf: year(2022),
      source: S3,
      quote: 'врио главы администрации Тамбовской области Максимом Егоровым',
    },
    {
      key: 'garbuzov-head',
      person: 'garbuzov',
      organisation: 'moscow-dipp',
      title: 'Глава Департамента инвестиционной и промышленной политики города Москвы',
      asOf: null,
      source: S4,
      quote:
        'Глава столичного Департамента инвестиционной и промышленной политики Анатолий Гарбузов',
    },
    {
      key: 'anokhin-governor',
      person: 'anokhin',
      region: '66',
      title: 'Губернатор Смоленской области',
      asOf: null,
      source: S4,
      quote: 'губернатор Смоленской области Василий Анохин',
    },
  ],

  sites: [
    {
      key: 'sez-lipetsk',
      kind: 'sez',
      sezType: 'industrial_production',
      name: 'ОЭЗ «Липецк»',
      fullName: 'Особая экономическая зона «Липецк»',
      aliases: ['особая экономическая зона «Липецк»', 'ОЭЗ ППТ «Липецк»', 'ОЭЗ Липецк'],
      region: '42',
      source: S0,
      quote: 'Лидер в этом направлении — особая экономическая зона «Липецк».',
    },
    // First places of the 9th АКИТ РФ rating (PRODUCT.md); the type is the rating group the quote names. Nothing else is known of them here.
    {
      key: 'sez-technopolis-moscow',
      kind: 'sez',
      sezType: 'technology_innovation',
      name: 'ОЭЗ «Технополис «Москва»»',
      aliases: ['Технополис «Москва»', 'Технополис Москва'],
      source: REF,
      quote: 'Технополис «Москва» (technology-innovation)',
    },
    {
      key: 'sez-arkhyz',
      kind: 'sez',
      sezType: 'tourist_recreational',
      name: 'ОЭЗ «Архыз»',
      aliases: ['Архыз'],
      source: REF,
      quote: 'Архыз (tourist-recreational)',
    },
  ],

  clusters: [
    {
      key: 'lipetskmash',
      kind: 'industrial',
      status: 'operating',
      name: '«ЛИПЕЦКМАШ»',
      fullName:
        'Промышленный кластер станкостроения и станкоинструментальной промышленности «ЛИПЕЦКМАШ»',
      aliases: ['ЛИПЕЦКМАШ', 'Липецкмаш'],
      region: '42',
      specialisation: 'Станкостроение и станкоинструментальная промышленность',
      source: S1,
      quote:
        'в регионе действует и успешно развивается промышленный кластер станкостроения и станкоинструментальной промышленности «ЛИПЕЦКМАШ»',
    },
    {
      key: 'agri-machinery',
      kind: 'industrial',
      status: 'forming',
      name: 'Промышленный кластер сельхозмашиностроения Липецкой области',
      region: '42',
      specialisation:
        'Сельхозмашиностроение: разработка сельхозагрегатов, производство техники и комплектующих',
      source: S1,
      quote:
        'Поле для сотрудничества – большое: это разработка сельхозагрегатов, производство техники и комплектующих для неё.',
    },
  ],

  events: [
    {
      key: 'setup-session-2013',
      kind: 'setup_session',
      status: 'held',
      title:
        'Установочная сессия по разработке стратегии кластеризации экономического пространства в промышленности Липецкой области',
      region: '42',
      date: range('2013-10-09', '2013-10-10'),
      topics: [
        'Разработка стратегии кластеризации экономического пространства в промышленности Липецкой области',
        'Перспективы развития отраслей промышленности области',
        'Возможности создания промышленных кластеров, сильные и слабые стороны',
      ],
      outcomes: [
        'Отмечена высокая перспективность применения композитной арматуры в ряде отраслей промышленности',
        'Определены стратегические приоритеты кластеризации',
      ],
      participantCategories: [
        'Собственники и руководители предприятий — потенциальных участников кластеров',
        'Представители образовательных и научных учреждений',
        'Представители органов исполнительной власти Липецкой области',
      ],
      source: S2,
      quote:
        '9 и 10 октября 2013 года провели установочную сессию по разработке стратегии кластеризации экономического пространства в промышленности Липецкой области.',
      participants: [
        {
          organisation: 'lipetsk-uipp',
          role: 'organiser',
          source: S2,
          quote:
            'Управление инновационной и промышленной политики и областное автономное учреждение «Центр кластерного развития Липецкой области» совместно с петербургской консалтинговой компанией ООО «Центр консалтинга «Панацея»',
        },
        {
          organisation: 'ckr-lipetsk',
          role: 'organiser',
          source: S2,
          quote:
            'Управление инновационной и промышленной политики и областное автономное учреждение «Центр кластерного развития Липецкой области» совместно с петербургской консалтинговой компанией ООО «Центр консалтинга «Панацея»',
        },
        {
          organisation: 'panaceya',
          role: 'organiser',
          source: S2,
          quote:
            'совместно с петербургской консалтинговой компанией ООО «Центр консалтинга «Панацея»',
        },
        {
          person: 'lavrentyev',
          position: 'lavrentyev-head',
          role: 'opener',
          source: S2,
          quote:
            'Работу установочной сессии открыл начальник управления инновационной и промышленной политики Липецкой области Лаврентьев Владимир Васильевич.',
        },
        ...ENTERPRISES_2013.map((e): DemoParticipant => ({
          organisation: e.key,
          role: 'participant',
          source: S2,
          quote: e.quote,
        })),
        ...EDUCATION_2013.map((e): DemoParticipant => ({
          organisation: e.key,
          role: 'participant',
          source: S2,
          quote: e.quote,
        })),
        ...GOVERNMENT_2013.map((g): DemoParticipant => ({
          organisation: g.key,
          role: 'participant',
          source: S2,
          quote: g.quote,
        })),
      ],
    },
    {
      key: 'setup-session-2013-second',
      kind: 'setup_session',
      status: 'planned',
      title:
        'Вторая установочная сессия по разработке стратегии кластеризации промышленности Липецкой области',
      region: '42',
      date: range('2013-10-28', '2013-10-29'),
      follows: 'setup-session-2013',
      goals: [
        'Определение пилотных, наиболее перспективных промышленно-производственных кластеров',
        'Разработка программ развития пилотных кластеров на ближайшие три года',
      ],
      source: S2,
      quote:
        '28 и 29 октября состоится вторая установочная сессия. В рамках сессии запланированы работы по определению пилотных, наиболее перспективных промышленно-производственных кластеров, для которых будут разработаны программы их развития на ближайшие три года.',
      participants: [],
    },
    {
      key: 'strategic-session-2017',
      kind: 'strategic_session',
      status: 'held',
      title:
        'Стратегическая сессия «Формирование промышленного кластера сельхозмашиностроения Липецкой области»',
      region: '42',
      date: day(2017, 12, 5),
      participantCategories: [
        'Промышленные и сбытовые предприятия в сфере сельхозмашиностроения',
        'Организации высшего и среднего профессионального образования',
        'Инновационная и финансовая инфраструктура Липецкой области',
      ],
      topics: [
        'Создание и перспективы развития промышленного кластера сельхозмашиностроения на территории Липецкой области',
        'Меры государственной поддержки совместных кластерных проектов',
      ],
      source: S1,
      quote:
        '05 декабря 2017 года состоялась стратегическая сессия «Формирование промышленного кластера сельхозмашиностроения Липецкой области».',
      participants: [
        {
          organisation: 'lipetsk-uipp',
          role: 'organiser',
          source: S1,
          quote:
            'Организатором стратегической сессии выступило управление инновационной и промышленной политики Липецкой области',
        },
        {
          organisation: 'ckr-lipetsk',
          role: 'supporter',
          source: S1,
          quote:
            'при поддержке областного автономного учреждения «Центр кластерного развития Липецкой области»',
        },
        {
          organisation: 'akit',
          role: 'partner',
          source: S1,
          quote: 'совместно с Ассоциацией организаций содействия развитию кластеров и технопарков',
        },
        {
          person: 'shchedrov',
          position: 'shchedrov-head',
          role: 'speaker',
          source: S1,
          quote:
            'Начальник управления инновационной и промышленной политики Липецкой области – Щедров Алексей Иванович рассказал о том, что в данный промышленный кластер будут включены предприятия, которые производят конечную продукцию',
        },
        {
          person: 'shpilenko',
          position: 'shpilenko-2017',
          role: 'speaker',
          source: S1,
          quote:
            'Директор Ассоциации организаций содействия развитию кластеров и технопарков – Шпиленко Андрей Викторович заявил о том, что уже два проекта кластера «ЛИПЕЦКМАШ» поддержаны со стороны Минпромторга России на общую сумму более 600 миллионов рублей.',
        },
      ],
    },
    {
      key: 'spief-2022',
      kind: 'forum',
      status: 'held',
      title: 'Петербургский международный экономический форум 2022 (ПМЭФ-2022)',
      date: year(2022),
      source: S3,
      quote:
        'В рамках работы Петербургского международного экономического форума директор Ассоциации кластеров, технопарков и ОЭЗ России Андрей Шпиленко подписал соглашение',
      participants: [
        {
          person: 'shpilenko',
          position: 'shpilenko-2022',
          role: 'participant',
          source: S3,
          quote:
            'В рамках работы Петербургского международного экономического форума директор Ассоциации кластеров, технопарков и ОЭЗ России Андрей Шпиленко подписал соглашение',
        },
        {
          person: 'egorov',
          position: 'egorov-acting-head',
          role: 'participant',
          source: S3,
          quote:
            'подписал соглашение с врио главы администрации Тамбовской области Максимом Егоровым',
        },
      ],
    },
    {
      key: 'moscow-magadan-meeting',
      kind: 'meeting',
      status: 'held',
      title:
        'Встреча правительств Москвы, Магаданской области и представителей Минпромторга России',
      date: null,
      source: S4,
      quote:
        'На встрече правительств Москвы, Магаданской области и представителей Минпромторга России был утвержден совместный план действий.',
      participants: [
        {
          organisation: 'moscow-government',
          role: 'participant',
          source: S4,
          quote:
            'На встрече правительств Москвы, Магаданской области и представителей Минпромторга России',
        },
        {
          organisation: 'magadan-government',
          role: 'participant',
          source: S4,
          quote:
            'На встрече правительств Москвы, Магаданской области и представителей Минпромторга России',
        },
        {
          organisation: 'minpromtorg',
          role: 'participant',
          source: S4,
          quote:
            'На встрече правительств Москвы, Магаданской области и представителей Минпромторга России',
        },
      ],
    },
  ],

  agreements: [
    {
      key: 'akit-tambov-2022',
      title: 'Соглашение о сотрудничестве между АКИТ РФ и Тамбовской областью',
      event: 'spief-2022',
      date: year(2022),
      directions: [
        'Создание и развитие кластеров и технопарков в целях повышения конкурентоспособности и развития научно-технического, инновационного и промышленного потенциала Тамбовской области',
        'Развитие промышленной инфраструктуры',
        'Повышение инвестиционной привлекательности региона и привлечение инвесторов',
        'Создание и развитие территорий с преференциальными режимами (особые экономические зоны, территории опережающего развития и др.)',
      ],
      source: S3,
      quote:
        'Соглашение между АКИТ РФ и Тамбовской областью предусматривает сотрудничество по нескольким направлениям',
      parties: [
        {
          organisation: 'akit',
          signatory: 'shpilenko',
          signatoryPosition: 'shpilenko-2022',
          source: S3,
          quote:
            'директор Ассоциации кластеров, технопарков и ОЭЗ России Андрей Шпиленко подписал соглашение',
        },
        {
          organisation: 'tambov-administration',
          region: '68',
          signatory: 'egorov',
          signatoryPosition: 'egorov-acting-head',
          source: S3,
          quote:
            'подписал соглашение с врио главы администрации Тамбовской области Максимом Егоровым о сотрудничестве между организацией и регионом',
        },
      ],
    },
  ],

  actionPlans: [
    {
      key: 'moscow-magadan-2025',
      title:
        'Совместный план действий Москвы, Магаданской области и Минпромторга России на 2025 год',
      approvedAt: 'moscow-magadan-meeting',
      period: year(2025),
      themes: [
        'Поддержка предприятий',
        'Подготовка инженерных кадров',
        'Развитие промышленных зон',
        'Производственный туризм',
        'Внедрение современных технологий',
      ],
      source: S4,
      quote:
        'Документ рассчитан на 2025 год и направлен на активную интеграцию передовых московских практик на территории Магаданской области.',
      parties: [
        {
          organisation: 'moscow-government',
          region: '45',
          source: S4,
          quote:
            'На встрече правительств Москвы, Магаданской области и представителей Минпромторга России был утвержден совместный план действий.',
        },
        {
          organisation: 'magadan-government',
          region: '44',
          source: S4,
          quote:
            'На встрече правительств Москвы, Магаданской области и представителей Минпромторга России был утвержден совместный план действий.',
        },
        {
          organisation: 'minpromtorg',
          source: S4,
          quote:
            'На встрече правительств Москвы, Магаданской области и представителей Минпромторга России был утвержден совместный план действий.',
        },
      ],
    },
  ],

  projects: [
    {
      key: 'ltz-restoration',
      kind: 'investment',
      status: 'in_progress',
      title: 'Восстановление Липецкого тракторного завода',
      region: '42',
      description:
        'Белорусский холдинг «Амкодор» восстанавливает Липецкий тракторный завод; запуск производства планируется весной 2024 года.',
      date: season(2024, 'spring'),
      source: S0,
      quote:
        'В частности, белорусский холдинг «Амкодор» восстанавливает легендарный Липецкий тракторный завод. Запустить производство планируется уже весной.',
      participants: [
        {
          organisation: 'amkodor',
          role: 'investor',
          source: S0,
          quote:
            'белорусский холдинг «Амкодор» восстанавливает легендарный Липецкий тракторный завод',
        },
        {
          organisation: 'ltz',
          role: 'object',
          source: S0,
          quote:
            'белорусский холдинг «Амкодор» восстанавливает легендарный Липецкий тракторный завод',
        },
      ],
    },
    {
      key: 'lipetskmash-project-1',
      kind: 'joint_cluster',
      status: 'supported',
      title:
        'Совместный проект кластера «ЛИПЕЦКМАШ», поддержанный Минпромторгом России (1 из 2; название в источнике не указано)',
      region: '42',
      cluster: 'lipetskmash',
      date: null,
      source: S1,
      quote:
        'уже два проекта кластера «ЛИПЕЦКМАШ» поддержаны со стороны Минпромторга России на общую сумму более 600 миллионов рублей',
    },
    {
      key: 'lipetskmash-project-2',
      kind: 'joint_cluster',
      status: 'supported',
      title:
        'Совместный проект кластера «ЛИПЕЦКМАШ», поддержанный Минпромторгом России (2 из 2; название в источнике не указано)',
      region: '42',
      cluster: 'lipetskmash',
      date: null,
      source: S1,
      quote:
        'уже два проекта кластера «ЛИПЕЦКМАШ» поддержаны со стороны Минпромторга России на общую сумму более 600 миллионов рублей',
    },
    {
      key: 'youth-career-centre',
      kind: 'social',
      status: 'planned',
      title: 'Центр молодёжной карьеры',
      region: '42',
      description: 'Помощь липчанам от 14 до 35 лет с профориентацией и трудоустройством.',
      date: null,
      source: S0,
      quote:
        'В планах открытие Центра молодёжной карьеры, где липчанам от 14 до 35 лет будут помогать с профориентацией и трудоустройством.',
    },
    {
      key: 'prometheus-camp',
      kind: 'social',
      status: 'planned',
      title: 'ИТ-лагерь «Прометей»',
      region: '42',
      description:
        'Освоение подростками современных ИТ-компетенций; лагерь станет интеллект-центром ЦФО.',
      date: null,
      source: S0,
      quote:
        'Кроме того, освоить современные ИТ-компетенции подростки смогут в лагере «Прометей», который станет интеллект-центром ЦФО.',
    },
  ],

  supportMeasures: [
    {
      key: 'pp41',
      code: 'pp41-joint-projects',
      name: 'Субсидии участникам промышленных кластеров на возмещение части затрат при реализации совместных проектов',
      regulation: 'Постановление Правительства РФ № 41 от 28.01.2016',
      maxShare: 0.5,
      capAmount: null,
      validFrom: day(2016, 1, 28),
      source: REF,
      quote:
        'Participants of registered clusters may be reimbursed part of the costs of joint projects; originally up to 50 %.',
    },
  ],

  supportAwards: [
    {
      key: 'lipetskmash-minpromtorg',
      provider: 'minpromtorg',
      amount: 600_000_000,
      qualifier: 'more_than',
      currency: 'RUB',
      asOf: day(2017, 12, 5),
      projects: ['lipetskmash-project-1', 'lipetskmash-project-2'],
      source: S1,
      quote:
        'уже два проекта кластера «ЛИПЕЦКМАШ» поддержаны со стороны Минпромторга России на общую сумму более 600 миллионов рублей',
    },
  ],

  ratings: [
    {
      key: 'sez-investment',
      code: 'akit-sez-investment',
      name: 'Национальный рейтинг инвестиционной привлекательности особых экономических зон',
      publisher: 'akit',
      objectType: 'site',
      source: REF,
      quote:
        'The 9th national investment-attractiveness rating of SEZs (Dec 2025) assessed 48 SEZs on 41 indicators in three groups',
    },
    {
      key: 'sez-esg',
      code: 'akit-sez-esg',
      name: 'ESG-рейтинг особых экономических зон',
      publisher: 'akit',
      objectType: 'site',
      source: REF,
      quote:
        'The 3rd ESG rating (Sept 2025) covered 24 SEZs in three blocks (environment, social, governance).',
    },
  ],

  ratingResults: [
    {
      rating: 'sez-investment',
      editionLabel: 'По итогам 2022 года',
      year: 2022,
      site: 'sez-lipetsk',
      place: 1,
      source: S0,
      quote: 'Она занимает первое место в рейтинге экономзон России по итогам 2022 года',
    },
    {
      rating: 'sez-esg',
      editionLabel: '2023 год',
      year: 2023,
      site: 'sez-lipetsk',
      place: 1,
      source: S0,
      quote: 'первое — в 2023-м в ESG-рейтинге экономзон',
    },
    {
      rating: 'sez-investment',
      editionLabel: '9-й рейтинг (декабрь 2025)',
      editionNumber: 9,
      year: 2025,
      peerGroup: 'Промышленно-производственные и портовые ОЭЗ',
      site: 'sez-lipetsk',
      place: 1,
      source: REF,
      quote: 'first places: Липецк (industrial-production and port)',
    },
    {
      rating: 'sez-investment',
      editionLabel: '9-й рейтинг (декабрь 2025)',
      editionNumber: 9,
      year: 2025,
      peerGroup: 'Технико-внедренческие ОЭЗ',
      site: 'sez-technopolis-moscow',
      place: 1,
      source: REF,
      quote: 'Технополис «Москва» (technology-innovation)',
    },
    {
      rating: 'sez-investment',
      editionLabel: '9-й рейтинг (декабрь 2025)',
      editionNumber: 9,
      year: 2025,
      peerGroup: 'Туристско-рекреационные ОЭЗ',
      site: 'sez-arkhyz',
      place: 1,
      source: REF,
      quote: 'Архыз (tourist-recreational)',
    },
  ],

  statements: [
    {
      subject: { type: 'site', key: 'sez-lipetsk' },
      property: 'residents',
      number: 60,
      unit: 'резидентов',
      asOf: day(2024, 3, 14),
      source: S0,
      quote: 'Сейчас в ОЭЗ работают 60 резидентов, и число их постоянно растёт.',
    },
    {
      subject: { type: 'site', key: 'sez-lipetsk' },
      property: 'plants_to_open',
      number: 4,
      unit: 'заводов',
      asOf: day(2024, 3, 14),
      source: S0,
      quote: 'В этом году на территории ОЭЗ «Липецк» откроется 4 новых завода.',
    },
    {
      subject: { type: 'site', key: 'sez-lipetsk' },
      property: 'sez_type',
      text: 'industrial_production',
      asOf: null,
      source: REF,
      quote: '«ОЭЗ ППТ «Липецк»» are one site',
    },
    {
      subject: { type: 'region', key: '42' },
      property: 'education_production_clusters',
      number: 2,
      unit: 'кластеров',
      asOf: day(2024, 3, 14),
      source: S0,
      quote:
        'Для этого созданы два образовательно-производственных кластера и один образовательный кластер по подготовке квалифицированных рабочих и специалистов среднего звена.',
    },
    {
      subject: { type: 'region', key: '42' },
      property: 'education_clusters',
      number: 1,
      unit: 'кластер',
      asOf: day(2024, 3, 14),
      source: S0,
      quote:
        'Для этого созданы два образовательно-производственных кластера и один образовательный кластер по подготовке квалифицированных рабочих и специалистов среднего звена.',
    },
    {
      subject: { type: 'region', key: '42' },
      property: 'broadband_settlements',
      text: 'Высокоскоростной интернет есть во всех населённых пунктах с численностью жителей более 500 человек (единственный такой регион в стране)',
      asOf: day(2024, 3, 14),
      source: S0,
      quote:
        'Липецкая область — лидер сельской цифровизации и единственный регион в стране, где во всех населённых пунктах с численностью жителей более 500 человек есть высокоскоростной Интернет.',
    },
    {
      subject: { type: 'organisation', key: 'motorinvest' },
      property: 'note',
      text: 'Первый в стране завод электромобилей',
      asOf: day(2024, 3, 14),
      source: S0,
      quote:
        'Новый этап в развитии автомобильной индустрии России начался с запуска первого в стране завода электромобилей под названием «Моторинвест».',
    },
    {
      subject: { type: 'cluster', key: 'agri-machinery' },
      property: 'planned_participants',
      number: 30,
      qualifier: 'about',
      unit: 'участников',
      asOf: day(2017, 12, 5),
      source: S1,
      quote: 'Предполагается, что новый промышленный кластер объединит около 30 участников.',
    },
    {
      subject: { type: 'event', key: 'strategic-session-2017' },
      property: 'about_cluster',
      text: 'Формирование кластера',
      object: { type: 'cluster', key: 'agri-machinery' },
      asOf: day(2017, 12, 5),
      source: S1,
      quote:
        'состоялась стратегическая сессия «Формирование промышленного кластера сельхозмашиностроения Липецкой области»',
    },
    {
      subject: { type: 'cluster', key: 'lipetskmash' },
      property: 'supported_projects',
      number: 2,
      unit: 'проекта',
      asOf: day(2017, 12, 5),
      source: S1,
      quote:
        'уже два проекта кластера «ЛИПЕЦКМАШ» поддержаны со стороны Минпромторга России на общую сумму более 600 миллионов рублей',
    },
    {
      subject: { type: 'cluster', key: 'lipetskmash' },
      property: 'support_total',
      number: 600_000_000,
      qualifier: 'more_than',
      unit: 'RUB',
      object: { type: 'organisation', key: 'minpromtorg' },
      asOf: day(2017, 12, 5),
      source: S1,
      quote:
        'уже два проекта кластера «ЛИПЕЦКМАШ» поддержаны со стороны Минпромторга России на общую сумму более 600 миллионов рублей',
    },
    {
      subject: { type: 'support_measure', key: 'pp41' },
      property: 'max_cost_share',
      number: 50,
      qualifier: 'up_to',
      unit: '%',
      asOf: day(2017, 12, 5),
      source: S1,
      quote:
        'статус промышленного кластера получают все участники, а это значит, каждое промышленное предприятие может субсидировать понесённые затраты до 50 %',
    },
    {
      subject: { type: 'region', key: '68' },
      property: 'key_industry',
      text: 'Машиностроение и металлообработка',
      asOf: year(2022),
      source: S3,
      quote:
        'в регионе развит ряд важных отраслей экономики: прежде всего, это машиностроение и металлообработка, химическая промышленность',
    },
    {
      subject: { type: 'region', key: '68' },
      property: 'key_industry',
      text: 'Химическая промышленность',
      asOf: year(2022),
      source: S3,
      quote:
        'в регионе развит ряд важных отраслей экономики: прежде всего, это машиностроение и металлообработка, химическая промышленность',
    },
    {
      subject: { type: 'region', key: '66' },
      property: 'cooperation',
      text: 'Курс на расширение сотрудничества промышленников региона с РЖД',
      object: { type: 'organisation', key: 'rzd' },
      asOf: null,
      source: S4,
      quote:
        'Так, губернатор Смоленской области Василий Анохин заявил о курсах на расширение сотрудничества промышленников региона с РЖД.',
    },
    {
      subject: { type: 'project', key: 'youth-career-centre' },
      property: 'age_range',
      text: 'от 14 до 35 лет',
      asOf: day(2024, 3, 14),
      source: S0,
      quote: 'где липчанам от 14 до 35 лет будут помогать с профориентацией и трудоустройством',
    },
  ],
};
