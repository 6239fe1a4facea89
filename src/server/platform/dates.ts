/** Today in Europe/Paris, as YYYY-MM-DD: the date a French user means by "today", whatever the server's zone. */
export const parisToday = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());
