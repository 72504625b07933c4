/** The columns of a long table (region, industry, value, year) and how a file's header maps to them. */
export interface Mapping {
  regionColumn: string;
  industryColumn: string;
  valueColumn: string;
  yearColumn: string;
  year: string;
}

export const EMPTY_MAPPING: Mapping = {
  regionColumn: '',
  industryColumn: '',
  valueColumn: '',
  yearColumn: '',
  year: '',
};

/**
 * Which column of the file holds what: selects over the CSV's header row, or
 * free text where the header is not known in the browser (XLSX).
 */
export function ColumnMappingFields({
  header,
  mapping,
  onChange,
}: {
  header: string[];
  mapping: Mapping;
  onChange: (mapping: Mapping) => void;
}) {
  const setMapping = onChange;
  const column = (
    key: 'regionColumn' | 'industryColumn' | 'valueColumn' | 'yearColumn',
    label: string,
    optional = false,
  ) => (
    <label className="filter">
      {label}
      {header.length > 0 ? (
        <select
          data-testid={`map-${key}`}
          value={mapping[key]}
          onChange={(e) => setMapping({ ...mapping, [key]: e.target.value })}
          required={!optional}
        >
          <option value="">{optional ? '— нет —' : '— выберите —'}</option>
          {header.map((h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
        </select>
      ) : (
        <input
          data-testid={`map-${key}`}
          value={mapping[key]}
          onChange={(e) => setMapping({ ...mapping, [key]: e.target.value })}
          required={!optional}
          placeholder="название столбца"
        />
      )}
    </label>
  );

  return (
    <fieldset className="import-fieldset" data-testid="column-mapping">
      <legend>
        Столбцы длинной таблицы{header.length > 0 ? ` (в файле: ${header.join(', ')})` : ''}
      </legend>
      <div className="filters">
        {column('regionColumn', 'Регион')}
        {column('industryColumn', 'Отрасль (код или название)')}
        {column('valueColumn', 'Значение')}
        {column('yearColumn', 'Год (столбец)', true)}
        {!mapping.yearColumn ? (
          <label className="filter">
            или год для всего файла
            <input
              data-testid="map-year"
              type="number"
              min={1900}
              max={2200}
              value={mapping.year}
              onChange={(e) => setMapping({ ...mapping, year: e.target.value })}
              required
            />
          </label>
        ) : null}
      </div>
    </fieldset>
  );
}
