/**
 * PromAtlas's default grouping of ОКВЭД2 (ОК 029-2014) into cluster categories,
 * each either traded or local. It is PromAtlas's own default, not an official
 * classification: it is seeded into the `cluster_category` and
 * `cluster_category_okved` tables on start (missing rows only), and users edit
 * it there.
 *
 * Basis: the U.S. Cluster Mapping Project's distinction (Porter 2003; Delgado,
 * Porter & Stern 2016, "Defining clusters of related industries") between
 * - traded industries, which sell across regions and countries and so can
 *   concentrate where they have an advantage (manufacturing, mining, agriculture,
 *   IT, research, wholesale, finance, long-distance transport, tourism), and
 * - local industries, which serve the local market and are spread in
 *   proportion to population (retail, construction, utilities, local transport,
 *   real estate, personal services, health, schools, public administration).
 * CMP assigns 6-digit NAICS industries to 51 traded and 16 local clusters by
 * co-location, input–output and occupation links. No such study exists for
 * ОКВЭД2, so the categories below apply CMP's traded/local split at the level
 * of ОКВЭД2 divisions, refined by groups or subgroups where a division mixes
 * both (rail and pipeline transport in 49; fish processing in 10.2; medical
 * instruments in 32.5; higher education in 85.22).
 *
 * Mapping rule: the most specific listed code wins ('49.5' before '49' before
 * 'H'). A section is listed only when all of it falls into one category, so
 * section-level figures (Rosstat publishes many) can still be assigned; the
 * rest of a mixed section (A, B, C, G, H, I, J, M, N) stays unassigned and is
 * reported, never guessed.
 */
export type ClusterCategoryType = 'traded' | 'local';

export interface ClusterCategoryDefinition {
  /** Stable lower-case slug, used in URLs and datasets ('automotive'). */
  readonly code: string;
  readonly name: string;
  readonly type: ClusterCategoryType;
  readonly description: string;
  /** ОКВЭД2 sections, divisions, groups or subgroups assigned to the category. */
  readonly okvedCodes: readonly string[];
}

export const DEFAULT_CLUSTER_CATEGORIES: readonly ClusterCategoryDefinition[] = [
  // Traded
  {
    code: 'agriculture',
    name: 'Сельское хозяйство',
    type: 'traded',
    description: 'Растениеводство и животноводство (ОКВЭД2 01).',
    okvedCodes: ['01'],
  },
  {
    code: 'forestry-wood',
    name: 'Лесное хозяйство и деревообработка',
    type: 'traded',
    description: 'Лесоводство и лесозаготовки, обработка древесины (02, 16).',
    okvedCodes: ['02', '16'],
  },
  {
    code: 'fishing',
    name: 'Рыболовство и рыбопереработка',
    type: 'traded',
    description: 'Рыболовство и рыбоводство, переработка рыбы и морепродуктов (03, 10.2).',
    okvedCodes: ['03', '10.2'],
  },
  {
    code: 'mining',
    name: 'Добыча угля, руд и прочих полезных ископаемых',
    type: 'traded',
    description: 'Добыча угля, металлических руд, прочих полезных ископаемых (05, 07, 08).',
    okvedCodes: ['05', '07', '08'],
  },
  {
    code: 'oil-gas',
    name: 'Нефтегазовый комплекс',
    type: 'traded',
    description:
      'Добыча нефти и газа, услуги в области добычи, нефтепереработка, трубопроводный транспорт (06, 09, 19, 49.5).',
    okvedCodes: ['06', '09', '19', '49.5'],
  },
  {
    code: 'food',
    name: 'Пищевая промышленность',
    type: 'traded',
    description: 'Пищевые продукты (кроме рыбопереработки), напитки, табак (10, 11, 12).',
    okvedCodes: ['10', '11', '12'],
  },
  {
    code: 'textiles',
    name: 'Текстильная, швейная и кожевенная промышленность',
    type: 'traded',
    description: 'Текстиль, одежда, кожа и обувь (13, 14, 15).',
    okvedCodes: ['13', '14', '15'],
  },
  {
    code: 'paper-printing',
    name: 'Целлюлозно-бумажная промышленность и полиграфия',
    type: 'traded',
    description: 'Бумага и бумажные изделия, полиграфия (17, 18).',
    okvedCodes: ['17', '18'],
  },
  {
    code: 'chemicals',
    name: 'Химическая промышленность',
    type: 'traded',
    description: 'Химические вещества и продукты, резиновые и пластмассовые изделия (20, 22).',
    okvedCodes: ['20', '22'],
  },
  {
    code: 'pharma',
    name: 'Фармацевтика и медицинские изделия',
    type: 'traded',
    description: 'Лекарственные средства, медицинские инструменты и оборудование (21, 32.5).',
    okvedCodes: ['21', '32.5'],
  },
  {
    code: 'construction-materials',
    name: 'Промышленность строительных материалов',
    type: 'traded',
    description: 'Прочая неметаллическая минеральная продукция: цемент, стекло, керамика (23).',
    okvedCodes: ['23'],
  },
  {
    code: 'metallurgy',
    name: 'Металлургия и металлообработка',
    type: 'traded',
    description: 'Металлургическое производство и готовые металлические изделия (24, 25).',
    okvedCodes: ['24', '25'],
  },
  {
    code: 'electronics',
    name: 'Электроника и приборостроение',
    type: 'traded',
    description: 'Компьютеры, электронные и оптические изделия (26).',
    okvedCodes: ['26'],
  },
  {
    code: 'electrical-equipment',
    name: 'Электротехническая промышленность',
    type: 'traded',
    description: 'Электрическое оборудование (27).',
    okvedCodes: ['27'],
  },
  {
    code: 'machinery',
    name: 'Машиностроение',
    type: 'traded',
    description:
      'Машины и оборудование, включая сельскохозяйственные и станки; ремонт и монтаж (28, 33).',
    okvedCodes: ['28', '33'],
  },
  {
    code: 'automotive',
    name: 'Автомобилестроение',
    type: 'traded',
    description: 'Автотранспортные средства, прицепы, комплектующие (29).',
    okvedCodes: ['29'],
  },
  {
    code: 'transport-equipment',
    name: 'Судо-, авиа- и железнодорожное машиностроение',
    type: 'traded',
    description: 'Суда, летательные и космические аппараты, подвижной состав (30).',
    okvedCodes: ['30'],
  },
  {
    code: 'furniture-consumer-goods',
    name: 'Мебель и прочие готовые изделия',
    type: 'traded',
    description: 'Мебель, ювелирные изделия, игрушки, спортивные товары (31, 32 кроме 32.5).',
    okvedCodes: ['31', '32'],
  },
  {
    code: 'it',
    name: 'Информационные технологии',
    type: 'traded',
    description: 'Разработка программного обеспечения, деятельность в области ИТ (62, 63).',
    okvedCodes: ['62', '63'],
  },
  {
    code: 'media',
    name: 'Издательская деятельность, кино и вещание',
    type: 'traded',
    description:
      'Издательская деятельность, кино и звукозапись, теле- и радиовещание (58, 59, 60).',
    okvedCodes: ['58', '59', '60'],
  },
  {
    code: 'research-engineering',
    name: 'Наука, высшее образование и инжиниринг',
    type: 'traded',
    description:
      'Научные исследования и разработки, инжиниринг и испытания, высшее образование (71, 72, 85.22).',
    okvedCodes: ['71', '72', '85.22'],
  },
  {
    code: 'business-services',
    name: 'Профессиональные и деловые услуги',
    type: 'traded',
    description:
      'Право и бухучёт, головные офисы и консалтинг, реклама, прочие профессиональные услуги (69, 70, 73, 74).',
    okvedCodes: ['69', '70', '73', '74'],
  },
  {
    code: 'finance',
    name: 'Финансовые услуги и страхование',
    type: 'traded',
    description:
      'Финансовые услуги, страхование, вспомогательная деятельность (раздел K: 64, 65, 66).',
    okvedCodes: ['K', '64', '65', '66'],
  },
  {
    code: 'wholesale',
    name: 'Оптовая торговля',
    type: 'traded',
    description: 'Оптовая торговля, кроме автотранспортных средств (46).',
    okvedCodes: ['46'],
  },
  {
    code: 'logistics',
    name: 'Транспорт и логистика',
    type: 'traded',
    description:
      'Железнодорожный, водный и воздушный транспорт, складское хозяйство (49.1, 49.2, 50, 51, 52).',
    okvedCodes: ['49.1', '49.2', '50', '51', '52'],
  },
  {
    code: 'tourism',
    name: 'Туризм и гостиничное хозяйство',
    type: 'traded',
    description: 'Гостиницы и места временного проживания, туристические агентства (55, 79).',
    okvedCodes: ['55', '79'],
  },
  // Local
  {
    code: 'local-utilities',
    name: 'Энергоснабжение и коммунальные услуги',
    type: 'local',
    description: 'Электроэнергия, газ и пар; водоснабжение, водоотведение, отходы (разделы D, E).',
    okvedCodes: ['D', 'E', '35', '36', '37', '38', '39'],
  },
  {
    code: 'local-construction',
    name: 'Строительство',
    type: 'local',
    description: 'Строительство зданий и сооружений, специализированные работы (раздел F).',
    okvedCodes: ['F', '41', '42', '43'],
  },
  {
    code: 'local-retail',
    name: 'Розничная торговля и автосервис',
    type: 'local',
    description: 'Розничная торговля, торговля и ремонт автотранспортных средств (45, 47).',
    okvedCodes: ['45', '47'],
  },
  {
    code: 'local-food-services',
    name: 'Общественное питание',
    type: 'local',
    description: 'Рестораны, кафе, кейтеринг (56).',
    okvedCodes: ['56'],
  },
  {
    code: 'local-transport',
    name: 'Местный транспорт и почта',
    type: 'local',
    description:
      'Автомобильные грузовые и пассажирские перевозки, городской транспорт, почта и курьеры (49 кроме 49.1, 49.2, 49.5; 53).',
    okvedCodes: ['49', '53'],
  },
  {
    code: 'local-telecom',
    name: 'Связь',
    type: 'local',
    description: 'Телекоммуникации (61).',
    okvedCodes: ['61'],
  },
  {
    code: 'local-real-estate',
    name: 'Недвижимость и аренда',
    type: 'local',
    description: 'Операции с недвижимым имуществом, аренда и лизинг (раздел L, 77).',
    okvedCodes: ['L', '68', '77'],
  },
  {
    code: 'local-support-services',
    name: 'Вспомогательные услуги',
    type: 'local',
    description:
      'Подбор персонала, охрана, обслуживание зданий, административные услуги, ветеринария (75, 78, 80, 81, 82).',
    okvedCodes: ['75', '78', '80', '81', '82'],
  },
  {
    code: 'local-public-administration',
    name: 'Государственное управление',
    type: 'local',
    description:
      'Государственное управление и оборона, экстерриториальные организации (разделы O, U).',
    okvedCodes: ['O', 'U', '84', '99'],
  },
  {
    code: 'local-education',
    name: 'Образование',
    type: 'local',
    description:
      'Дошкольное, общее, среднее профессиональное и дополнительное образование (раздел P кроме 85.22).',
    okvedCodes: ['P', '85'],
  },
  {
    code: 'local-health',
    name: 'Здравоохранение и социальные услуги',
    type: 'local',
    description: 'Здравоохранение, уход с проживанием, социальные услуги (раздел Q).',
    okvedCodes: ['Q', '86', '87', '88'],
  },
  {
    code: 'local-culture-sport',
    name: 'Культура, спорт и досуг',
    type: 'local',
    description: 'Творческая деятельность, библиотеки и музеи, спорт и развлечения (раздел R).',
    okvedCodes: ['R', '90', '91', '92', '93'],
  },
  {
    code: 'local-personal-services',
    name: 'Бытовые и прочие услуги',
    type: 'local',
    description:
      'Общественные организации, ремонт бытовых предметов, персональные услуги, домашние хозяйства (разделы S, T).',
    okvedCodes: ['S', 'T', '94', '95', '96', '97', '98'],
  },
];
