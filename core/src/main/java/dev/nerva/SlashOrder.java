package dev.nerva;

/**
 * How an all-numeric slashed date such as 6/5/2024 is read (see {@link
 * Nerva.Builder#slashOrder(SlashOrder)}).
 */
public enum SlashOrder {
  /** 6/5/2024 is June 5 (United States usage; the default). */
  MONTH_FIRST,
  /** 6/5/2024 is 6 May (most other countries). */
  DAY_FIRST
}
