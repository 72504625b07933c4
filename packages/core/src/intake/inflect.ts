/**
 * A small rule-based Russian declension engine: enough to recognise the case
 * forms of gazetteer names (regions, countries, cities, first names) and to
 * put the heads of genitive phrases back into the nominative. It works on
 * endings only; it has no dictionary (see DECISIONS.md: no Az.js in core).
 *
 * Cases are in the order nominative, genitive, dative, accusative,
 * instrumental, prepositional.
 */

const HUSHING = /[жшчщц]$/;
const VELAR_OR_HUSHING = /[гкхжшчщ]$/;

function keepCase(model: string, lower: string): string {
  if (model === model.toUpperCase() && model.length > 1) return lower.toUpperCase();
  if (/^\p{Lu}/u.test(model)) return lower.charAt(0).toUpperCase() + lower.slice(1);
  return lower;
}

/** Singular case forms of one word (nominative given). Unknown shapes stay unchanged. */
export function wordForms(word: string): string[] {
  if (word.includes('-')) {
    // Only the last part declines in 'Ханты-Мансийский', 'Санкт-Петербург'; both in
    // 'Северная Осетия-Алания' — the union of both readings is returned.
    const parts = word.split('-');
    const last = parts.pop()!;
    const head = parts.join('-');
    const lastForms = wordForms(last).map((f) => `${head}-${f}`);
    if (parts.length === 1) {
      const firstForms = wordForms(head);
      const lastPlain = wordForms(last);
      if (firstForms.length === lastPlain.length && firstForms.length === 6) {
        return lastForms.concat(firstForms.map((f, i) => `${f}-${lastPlain[i]}`));
      }
    }
    return lastForms;
  }
  const w = word.toLowerCase();
  const forms = (stem: string, endings: string[]) => endings.map((e) => keepCase(word, stem + e));
  let m: RegExpExecArray | null;
  // Adjectives
  if ((m = /^(.+)(ая)$/.exec(w))) {
    const stem = m[1]!;
    return forms(stem, ['ая', 'ой', 'ой', 'ую', 'ой', 'ой']);
  }
  if ((m = /^(.+)(яя)$/.exec(w))) return forms(m[1]!, ['яя', 'ей', 'ей', 'юю', 'ей', 'ей']);
  if ((m = /^(.+)(ый)$/.exec(w))) return forms(m[1]!, ['ый', 'ого', 'ому', 'ый', 'ым', 'ом']);
  if ((m = /^(.+[гкх])(ий)$/.exec(w))) return forms(m[1]!, ['ий', 'ого', 'ому', 'ий', 'им', 'ом']);
  if ((m = /^(.+)(ий)$/.exec(w)) && m[1]!.length > 2)
    return forms(m[1]!, ['ий', 'его', 'ему', 'ий', 'им', 'ем']);
  if ((m = /^(.+[гкхжшчщ])(ой)$/.exec(w)) && m[1]!.length > 3)
    return forms(m[1]!, ['ой', 'ого', 'ому', 'ой', 'им', 'ом']);
  if ((m = /^(.+)(ое)$/.exec(w)) && m[1]!.length > 2)
    return forms(m[1]!, ['ое', 'ого', 'ому', 'ое', 'ым', 'ом']);
  // Nouns
  if ((m = /^(.+)(ия)$/.exec(w))) return forms(m[1]!, ['ия', 'ии', 'ии', 'ию', 'ией', 'ии']);
  if ((m = /^(.+)(ие)$/.exec(w))) return forms(m[1]!, ['ие', 'ия', 'ию', 'ие', 'ием', 'ии']);
  if ((m = /^(.+)(а)$/.exec(w))) {
    const stem = m[1]!;
    const gen = VELAR_OR_HUSHING.test(stem) ? 'и' : 'ы';
    const ins = HUSHING.test(stem) ? 'ей' : 'ой';
    return forms(stem, ['а', gen, 'е', 'у', ins, 'е']);
  }
  if ((m = /^(.+)(я)$/.exec(w))) return forms(m[1]!, ['я', 'и', 'е', 'ю', 'ей', 'е']);
  // Neuter nouns in -о: 'правительство', 'министерство', 'Иваново'.
  if ((m = /^(.+[бвгджзклмнпрстфхцчшщ])(о)$/.exec(w)) && m[1]!.length > 2)
    return forms(m[1]!, ['о', 'а', 'у', 'о', HUSHING.test(m[1]!) ? 'ем' : 'ом', 'е']);
  if ((m = /^(.+)(й)$/.exec(w))) return forms(m[1]!, ['й', 'я', 'ю', 'й', 'ем', 'е']);
  if ((m = /^(.+)(ь)$/.exec(w))) {
    // Feminine (область, Пермь) and masculine (Ярославль) readings together.
    const stem = m[1]!;
    return forms(stem, ['ь', 'и', 'и', 'ь', 'ью', 'и']).concat(
      forms(stem, ['ь', 'я', 'ю', 'ь', 'ем', 'е']),
    );
  }
  if (/[бвгджзклмнпрстфхцчшщ]$/.test(w)) {
    const ins = HUSHING.test(w) ? 'ем' : 'ом';
    // Fleeting vowels ('Египет' → 'Египта') are not derived: gazetteers list such forms.
    return forms(w, ['', 'а', 'у', '', ins, 'е']);
  }
  return [word, word, word, word, word, word];
}

/** All case forms of a phrase, every word in the same case: 'Липецкая область' → 'Липецкой области', … */
export function phraseForms(phrase: string): string[] {
  const words = phrase.split(' ');
  const perWord = words.map((w) => (/^[(«"]/.test(w) || isInvariable(w) ? null : wordForms(w)));
  const out = new Set<string>([phrase]);
  const n = Math.max(...perWord.map((f) => f?.length ?? 6));
  for (let i = 0; i < n; i++) {
    out.add(
      words
        .map((w, k) => {
          const f = perWord[k];
          if (!f) return w;
          return f[i % f.length] ?? w;
        })
        .join(' '),
    );
  }
  return [...out];
}

/** Words that do not decline when part of a name: those ending in -о, -е, -и, -у, -ю, abbreviations. */
function isInvariable(w: string): boolean {
  if ((w === w.toUpperCase() && w.length > 1) || /\d/.test(w)) return true;
  return /[оеиуюэы]$/i.test(w) && !/(ое|ее|ие|ия|ые)$/i.test(w);
}

/**
 * Genitive (or other oblique) noun → nominative, for heads of phrases such as
 * 'Ассоциации', 'управления', 'Департамента', 'области'. Returns the word
 * unchanged when it already looks nominative or the ending is unknown.
 */
export function nounToNominative(word: string, lexicon: ReadonlyMap<string, string>): string {
  const w = word.toLowerCase().replace(/ё/g, 'е');
  for (let cut = Math.min(4, w.length - 2); cut >= 0; cut--) {
    const hit = lexicon.get(w.slice(0, w.length - cut));
    if (hit && wordForms(hit).some((f) => f.toLowerCase().replace(/ё/g, 'е') === w))
      return keepCase(word, hit);
  }
  let m: RegExpExecArray | null;
  if ((m = /^(.+)(ии|ию|ией)$/.exec(w))) return keepCase(word, m[1] + 'ия');
  if ((m = /^(.+[ео]ни)(я|ю|ем)$/.exec(w))) return keepCase(word, m[1] + 'е');
  if ((m = /^(.+[бвдзлмнпрстф])(а|у|ом)$/.exec(w)) && m[1]!.length > 3)
    return keepCase(word, m[1]!);
  if ((m = /^(.+[гкх])(а|у|ом)$/.exec(w)) && m[1]!.length > 3) return keepCase(word, m[1]!);
  if ((m = /^(.+)(ы)$/.exec(w))) return keepCase(word, m[1] + 'а');
  return word;
}

/** Oblique adjective → nominative in the gender of its noun ('Тамбовской' + f → 'Тамбовская'). */
export function adjectiveToNominative(word: string, gender: 'm' | 'f' | 'n'): string {
  const w = word.toLowerCase();
  let m: RegExpExecArray | null;
  const soft = (stem: string) => /[нщ]$/.test(stem) && !/(ан|ян|он)$/.test(stem);
  if ((m = /^(.+)(ой|ую|ою|ая)$/.exec(w))) {
    const stem = m[1]!;
    return keepCase(
      word,
      stem +
        (gender === 'f' ? 'ая' : gender === 'n' ? 'ое' : /[гкхжшчщ]$/.test(stem) ? 'ий' : 'ый'),
    );
  }
  if ((m = /^(.+)(ей|юю|яя)$/.exec(w)))
    return keepCase(word, m[1] + (gender === 'f' ? 'яя' : 'ий'));
  if ((m = /^(.+)(ого|ому|ым|ом|ый|ое)$/.exec(w))) {
    const stem = m[1]!;
    if (gender === 'f') return keepCase(word, stem + 'ая');
    if (gender === 'n') return keepCase(word, stem + 'ое');
    return keepCase(word, stem + (/[гкхжшчщ]$/.test(stem) ? 'ий' : 'ый'));
  }
  if ((m = /^(.+)(его|ему|им|ем|ий|ее)$/.exec(w))) {
    const stem = m[1]!;
    if (gender === 'f') return keepCase(word, stem + (soft(stem) ? 'яя' : 'ая'));
    if (gender === 'n') return keepCase(word, stem + (soft(stem) ? 'ее' : 'ое'));
    return keepCase(word, stem + 'ий');
  }
  return word;
}

const ADJECTIVE = /(ый|ий|ой|ая|яя|ое|ее|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ых|их)$/i;

export function looksAdjective(word: string): boolean {
  return ADJECTIVE.test(word) && word.length > 4;
}
