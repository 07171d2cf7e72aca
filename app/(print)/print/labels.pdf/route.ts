import { pdfRoute } from '../_lib/pdf-route';

/** The labels as a PDF (see pdfRoute). */
export const GET = pdfRoute('labels');
