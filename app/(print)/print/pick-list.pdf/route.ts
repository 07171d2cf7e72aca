import { pdfRoute } from '../_lib/pdf-route';

/** The pick-list as a PDF (see pdfRoute). */
export const GET = pdfRoute('pick-list');
