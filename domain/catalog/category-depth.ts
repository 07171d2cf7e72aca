/** How deep the category tree goes (服饰 / 上装 / T恤); pure, so forms in the browser can read it. */
export const MAX_CATEGORY_DEPTH = 3;
