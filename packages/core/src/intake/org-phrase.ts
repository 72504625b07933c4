import { adjectiveToNominative, looksAdjective, nounToNominative, wordForms } from './inflect.ts';

/** Head nouns of organisation names (nominative) with their gender. */
export const ORG_HEADS: Readonly<Record<string, 'm' | 'f' | 'n'>> = {
  администрация: 'f',
  ассоциация: 'f',
  управление: 'n',
  департамент: 'm',
  министерство: 'n',
  область: 'f',
  край: 'm',
  комитет: 'm',
  центр: 'm',
  союз: 'm',
  фонд: 'm',
  агентство: 'n',
  служба: 'f',
  правительство: 'n',
  корпорация: 'f',
  компания: 'f',
  завод: 'm',
  университет: 'm',
  институт: 'm',
  колледж: 'm',
  техникум: 'm',
  холдинг: 'm',
  кластер: 'm',
  палата: 'f',
  дума: 'f',
  совет: 'm',
  академия: 'f',
  банк: 'm',
  учреждение: 'n',
  общество: 'n',
  предприятие: 'n',
  организация: 'f',
  партия: 'f',
  движение: 'n',
  объединение: 'n',
  группа: 'f',
  концерн: 'm',
  комбинат: 'm',
  фабрика: 'f',
  технопарк: 'm',
  инспекция: 'f',
  прокуратура: 'f',
  суд: 'm',
  мэрия: 'f',
  ведомство: 'n',
  представительство: 'n',
  посольство: 'n',
  федерация: 'f',
  лига: 'f',
  клуб: 'm',
  театр: 'm',
  музей: 'm',
  школа: 'f',
  лицей: 'm',
  гимназия: 'f',
  больница: 'f',
  газета: 'f',
  журнал: 'm',
  телеканал: 'm',
  радиостанция: 'f',
  издание: 'n',
  парламент: 'm',
  сенат: 'm',
  конгресс: 'm',
  собрание: 'n',
  отделение: 'n',
  филиал: 'm',
  зона: 'f',
  парк: 'm',
  округ: 'm',
  республика: 'f',
  город: 'm',
  район: 'm',
  сеть: 'f',
  площадка: 'f',
  инкубатор: 'm',
  коллегия: 'f',
  комиссия: 'f',
  бюро: 'n',
  отдел: 'm',
  штаб: 'm',
  армия: 'f',
  флот: 'm',
  сборная: 'f',
  руководство: 'n',
  кабинет: 'm',
  канцелярия: 'f',
  экипаж: 'm',
  команда: 'f',
  генштаб: 'm',
  лаборатория: 'f',
  обком: 'm',
  горком: 'm',
  райком: 'm',
  политбюро: 'n',
  госпиталь: 'm',
};

export const ORG_HEAD_LEXICON: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const head of Object.keys(ORG_HEADS)) {
    // Stems of every case form, so 'Ассоциации' and 'области' find their nominative.
    for (const f of wordForms(head)) m.set(f.toLowerCase(), head);
  }
  return m;
})();

function headOf(word: string): string | undefined {
  const w = word.toLowerCase().replace(/ё/g, 'е');
  return ORG_HEAD_LEXICON.get(w);
}

/**
 * A genitive (or other oblique) organisation phrase → nominative: the leading
 * adjectives and the head noun change, the rest ('… промышленной политики
 * Липецкой области') stays as written. 'Ассоциации кластеров, технопарков и ОЭЗ
 * России' → 'Ассоциация кластеров, технопарков и ОЭЗ России'.
 */
export function normalizeOrganisationPhrase(phrase: string): string {
  const words = phrase.split(' ');
  let headIndex = -1;
  for (let i = 0; i < words.length && i < 4; i++) {
    const w = words[i]!;
    if (headOf(w) || !looksAdjective(w)) {
      headIndex = i;
      break;
    }
  }
  if (headIndex < 0) return phrase;
  const headWord = words[headIndex]!;
  if (/^[«"]/.test(headWord) || headWord === headWord.toUpperCase()) return phrase;
  const lexical = headOf(headWord);
  const head = lexical
    ? matchCase(headWord, lexical)
    : nounToNominative(headWord, ORG_HEAD_LEXICON);
  const gender =
    ORG_HEADS[(lexical ?? head).toLowerCase()] ??
    (/[ая]$/.test(head) ? 'f' : /[оеё]$/.test(head) ? 'n' : /ь$/.test(head) ? 'f' : 'm');
  const out = words.slice();
  out[headIndex] = head;
  for (let i = 0; i < headIndex; i++) out[i] = adjectiveToNominative(words[i]!, gender);
  return out.join(' ');
}

function matchCase(model: string, lower: string): string {
  return /^\p{Lu}/u.test(model) ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
}
