import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startBrowserHarness, watchErrors, type BrowserHarness } from './browser-harness.ts';

// Issue 2, steps 3–5: profiles holding every seed fact, each with its source, and the links between them.

let h: BrowserHarness;
let page: Page;
let errors: string[];

beforeAll(async () => {
  h = await startBrowserHarness();
  page = await h.newPage();
  errors = watchErrors(page);
});
afterAll(async () => {
  await h?.close();
});

const title = (p: Page) => p.locator('[data-testid=profile-title]').innerText();
const text = (l: Locator) => l.innerText();

async function openBySearch(p: Page, query: string, optionText: string): Promise<void> {
  const input = p.locator('[data-testid=search-input]');
  await input.fill(query);
  const option = p.locator('[data-testid=search-option]').filter({ hasText: optionText }).first();
  await option.waitFor();
  await option.click();
  await expect.poll(() => title(p)).toContain(optionText);
}

async function openFromList(p: Page, listPath: string, linkText: string | RegExp): Promise<void> {
  await p.goto(`${h.url}${listPath}`);
  await p.waitForSelector('[data-testid=list-row]');
  await p.locator('[data-testid=list-table] a').filter({ hasText: linkText }).first().click();
  await p.waitForSelector('[data-testid=profile-title]');
}

describe('profiles', () => {
  it('ОЭЗ «Липецк» shows its type, region, management company, 60 residents and 4 plants as of 14.03.2024 and its first places, each with a source; the chip of «60 резидентов» opens the source with the sentence marked', async () => {
    await page.goto(`${h.url}/`);
    await openBySearch(page, 'ОЭЗ Липецк', 'ОЭЗ «Липецк»');
    expect(await page.title()).toContain('ОЭЗ «Липецк»');
    expect(await text(page.locator('[data-testid=profile-type]'))).toContain(
      'Промышленно-производственная',
    );
    expect(await text(page.locator('[data-testid=profile-region]'))).toContain('Липецкая область');
    expect(await text(page.locator('.field').filter({ hasText: 'Управляющая компания' }))).toMatch(
      /Управляющая компания\s+\S/,
    );

    const residents = page.locator('[data-testid=fact][data-property=residents]');
    expect(await text(residents)).toContain('60 резидентов');
    expect(await text(residents)).toContain('по состоянию на 14.03.2024');
    await expect(residents.locator('[data-testid=source-chip]').count()).resolves.toBe(1);
    const plants = page.locator('[data-testid=fact][data-property=plants_to_open]');
    expect(await text(plants)).toContain('4 новых завода');
    expect(await text(plants)).toContain('по состоянию на 14.03.2024');
    await expect(plants.locator('[data-testid=source-chip]').count()).resolves.toBe(1);

    const places = page.locator('[data-testid=rating-place]');
    const national = places.filter({ hasText: 'Национальный рейтинг' }).filter({ hasText: '2022' });
    expect(await text(national)).toContain('1-е место');
    await expect(national.locator('[data-testid=source-chip]').count()).resolves.toBe(1);
    const esg = places.filter({ hasText: 'ESG' }).filter({ hasText: '2023' });
    expect(await text(esg)).toContain('1-е место');
    await expect(esg.locator('[data-testid=source-chip]').count()).resolves.toBe(1);

    await residents.locator('[data-testid=source-chip]').click();
    await page.waitForURL(/\/sources\/\d+\?quote=/);
    const marked = page.locator('[data-testid=quote-target]');
    await marked.waitFor();
    expect(await text(marked)).toContain('60 резидентов');
    expect(await marked.evaluate((node) => node.tagName)).toBe('MARK');
    // Scrolled into view.
    const box = await marked.boundingBox();
    expect(box && box.y >= 0 && box.y < 800).toBe(true);
    // Every cited sentence of the document is highlighted and linked to its record.
    expect(await page.locator('[data-testid=source-text] mark.citation a').count()).toBeGreaterThan(
      5,
    );
    expect(errors).toEqual([]);
  });

  it('the 9–10 October 2013 setup session lists every enterprise with legal form and town, the universities, institute, college, government bodies, the consultancy and the opener with his position', async () => {
    await openFromList(
      page,
      '/events',
      'Установочная сессия по разработке стратегии кластеризации экономического',
    );
    expect(await text(page.locator('.field').filter({ hasText: 'Дата' }))).toContain(
      '9–10 октября 2013',
    );

    const enterprises = page.locator(
      '[data-testid=role-participant] [data-testid=kind-enterprise] [data-testid=participant]',
    );
    await expect(enterprises.count()).resolves.toBe(13);
    const enterpriseText = (await enterprises.allInnerTexts()).join('\n');
    for (const line of [
      'ОАО «Гидравлик» · Грязи',
      'ОАО «Энергия» · Елец',
      'ОАО «Гидропривод» · Елец',
      'ООО «НПК Армастек Липецк» · Липецк',
      'ЗАО «Индезит Интернэшнл» · Липецк',
      'ООО «Армастек-Липецк» · с. Хлевное',
      'ООО ВПО «Электоаппарат» ВОС · Липецк',
      'ООО «Компания Ассоль» · Лебедянь',
      'ООО «Завод «Пенопласт» · Липецк',
      'ООО «Европанелс Ру» · Лебедянь',
      'ОАО «Грязинский культиваторный завод»',
      'ЗАО «Липецкое станкостроительное предприятие»',
      'ЗАО «Липецкий станкозавод «Возрождение»',
    ]) {
      expect(enterpriseText).toContain(line);
    }
    const universities = await text(page.locator('[data-testid=kind-university]'));
    expect(universities).toContain('Липецкий государственный технический университет');
    expect(universities).toContain('Елецкий государственный университет');
    expect(await text(page.locator('[data-testid=kind-research_institute]'))).toContain(
      'Научно-исследовательский институт ЛГТУ',
    );
    expect(await text(page.locator('[data-testid=kind-college]'))).toContain(
      'Липецкий машиностроительный колледж',
    );
    await expect(
      page
        .locator(
          '[data-testid=role-participant] [data-testid=kind-government_body] [data-testid=participant]',
        )
        .count(),
    ).resolves.toBe(5);

    const organisers = await text(page.locator('[data-testid=role-organiser]'));
    expect(organisers).toContain('ООО «Центр консалтинга «Панацея»');
    expect(organisers).toContain('Центр кластерного развития Липецкой области');
    expect(organisers).toContain(
      'Управление инновационной и промышленной политики Липецкой области',
    );

    const opener = await text(page.locator('[data-testid=role-opener]'));
    expect(opener).toContain('Открыл(а) мероприятие');
    expect(opener).toContain('Лаврентьев Владимир Васильевич');
    expect(opener).toContain(
      'Начальник управления инновационной и промышленной политики Липецкой области',
    );

    const followUp = page.locator('[data-testid=follow-up]');
    await expect.poll(() => text(followUp)).toContain('28–29 октября 2013');
    expect(await text(followUp)).toContain('пилотных');
    expect(await text(followUp)).toContain('три года');
    // Every participant line carries its source.
    const participants = await page.locator('[data-testid=participant]').count();
    expect(await page.locator('[data-testid=participant] [data-testid=source-chip]').count()).toBe(
      participants,
    );
    expect(errors).toEqual([]);
  });

  it('links person → positions → organisation → its events and agreements, cluster → region, and every other seed entity has its profile', async () => {
    // Шпиленко → АКИТ РФ → the agreement with the Tambov region (4 directions, both signatories).
    await page.goto(`${h.url}/`);
    await openBySearch(page, 'Шпиленко', 'Шпиленко Андрей Викторович');
    const positions = page.locator('[data-testid=position]');
    await expect(positions.count()).resolves.toBe(2);
    expect((await positions.allInnerTexts()).join('\n')).toContain(
      'Директор Ассоциации кластеров, технопарков и ОЭЗ России',
    );
    await positions
      .locator('a', { hasText: 'Ассоциация кластеров, технопарков и ОЭЗ России' })
      .first()
      .click();
    await expect.poll(() => title(page)).toBe('Ассоциация кластеров, технопарков и ОЭЗ России');
    expect(await text(page.locator('section[aria-label=Мероприятия]'))).toContain(
      'Стратегическая сессия',
    );
    await page
      .locator('section[aria-label=Соглашения] a', {
        hasText: 'Соглашение о сотрудничестве между АКИТ РФ и Тамбовской областью',
      })
      .click();
    await expect
      .poll(() => title(page))
      .toContain('Соглашение о сотрудничестве между АКИТ РФ и Тамбовской областью');
    await expect(page.locator('[data-testid=directions] li').count()).resolves.toBe(4);
    const signatories = (await page.locator('[data-testid=signatory]').allInnerTexts()).join('\n');
    expect(signatories).toContain('Шпиленко');
    expect(signatories).toContain('Директор Ассоциации кластеров, технопарков и ОЭЗ России');
    expect(signatories).toContain('Егоров');
    expect(signatories).toContain(
      'Временно исполняющий обязанности главы администрации Тамбовской области',
    );
    await page.locator('[data-testid=party] a', { hasText: 'Тамбовская область' }).first().click();
    await expect.poll(() => title(page)).toBe('Тамбовская область');
    expect(await text(page.locator('section[aria-label="Ключевые показатели"]'))).toContain(
      'Машиностроение и металлообработка',
    );

    // Cluster «ЛИПЕЦКМАШ» → Липецкая область, with the region's education clusters.
    await openFromList(page, '/clusters', '«ЛИПЕЦКМАШ»');
    expect(await text(page.locator('[data-testid=support]'))).toContain('более 600 млн ₽');
    await page.locator('[data-testid=profile-region] a').click();
    await expect.poll(() => title(page)).toBe('Липецкая область');
    expect(
      await text(page.locator('[data-testid=fact][data-property=education_production_clusters]')),
    ).toContain('2 кластера');
    expect(
      await text(page.locator('[data-testid=fact][data-property=education_clusters]')),
    ).toContain('1 кластер');
    expect(await text(page.locator('section[aria-label=Кластеры]'))).toContain('«ЛИПЕЦКМАШ»');

    // The 2025 Moscow–Magadan action plan with its five themes.
    await openFromList(page, '/action-plans', 'Магаданской области');
    const themes = await page.locator('[data-testid=themes] li').allInnerTexts();
    expect(themes).toEqual([
      'Поддержка предприятий',
      'Подготовка инженерных кадров',
      'Развитие промышленных зон',
      'Производственный туризм',
      'Внедрение современных технологий',
    ]);
    expect(await text(page.locator('.field').filter({ hasText: 'Период' }))).toContain('2025 год');

    // Амкодор restoring the Lipetsk tractor plant, launch in spring 2024.
    await openFromList(page, '/projects', 'Восстановление Липецкого тракторного завода');
    expect(await text(page.locator('.field').filter({ hasText: 'Срок' }))).toContain('весна 2024');
    const projectParticipants = await text(page.locator('section[aria-label=Участники]'));
    expect(projectParticipants).toContain('Амкодор');
    expect(projectParticipants).toContain('Липецкий тракторный завод');

    // «Моторинвест», the first electric-car plant in Russia.
    await openBySearch(page, 'Моторинвест', 'Моторинвест');
    expect(await text(page.locator('[data-testid=profile-region]'))).toContain('Липецкая область');
    expect(await text(page.locator('main'))).toContain('Первый в стране завод электромобилей');

    // The registry lists answer with totals.
    await page.goto(`${h.url}/organisations?region=42`);
    await expect.poll(() => text(page.locator('[data-testid=list-total]'))).toMatch(/Найдено: \d+/);
    expect(errors).toEqual([]);
  });
});
