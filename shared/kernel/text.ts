/** Case- and accent-insensitive text for searching and sorting: "Öztürk" matches "ozturk". */
export const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase('nl-BE');
