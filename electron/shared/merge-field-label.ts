/**
 * An Ontraport merge-field label, as the composer fills it and the decoder reports it unfilled: a letter, then what
 * users name their fields with (`First Name`, `Owner's Name`, `Member?`, `Spent (USD)`, `Time: Start`) or a date
 * format (`nDate long+0`). A leading letter keeps JSON (`[1, 2]`, `["a"]`) out.
 */
export const MERGE_FIELD_LABEL = "[A-Za-z][A-Za-z0-9 _./#'?()+:-]{0,63}";

/** `[fe80::1]` in a URL is an IPv6 host, not a merge field. */
export const isIpv6Literal = (label: string) => label.includes(':') && /^[0-9a-f:.]+$/i.test(label);
