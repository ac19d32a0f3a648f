// Shared words: buttons, states, the window frame.
export default {
  Save: "Сохранить",
  Cancel: "Отмена",
  "{n} row|{n} rows": "{n} строка|{n} строки|{n} строк",
} satisfies Record<string, string>;
