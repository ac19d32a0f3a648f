// The data table (lib/components/Table.svelte) and the window's loading screen.
export default {
  "Nothing here yet.": "Здесь пока ничего нет.",
  "Filter…": "Фильтр…",
  "Filter rows": "Фильтр строк",
  selected: "выбрано",
  "{shown} of {n} row|{shown} of {n} rows": "{shown} из {n} строки|{shown} из {n} строк|{shown} из {n} строк",
  "Select all shown rows": "Выбрать все показанные строки",
  Rows: "Строки",
  "Loading…": "Загрузка…",
  "No row matches the filter.": "Ни одна строка не подходит под фильтр.",
  "Select row": "Выбрать строку",
  "{n} selected row is hidden by the filter.|{n} selected rows are hidden by the filter.":
    "{n} выбранная строка скрыта фильтром.|{n} выбранные строки скрыты фильтром.|{n} выбранных строк скрыто фильтром.",
  "Loading profiles…": "Загрузка профилей…",
} satisfies Record<string, string>;
