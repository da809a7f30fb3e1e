import { notFoundPage } from './not-found.js';

export function variantPage(ctx, args) {
  return notFoundPage(ctx, args);
}
