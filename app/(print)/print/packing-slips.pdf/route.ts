import { pdfRoute } from '../_lib/pdf-route';

/** The packing-slips as a PDF (see pdfRoute). */
export const GET = pdfRoute('packing-slips');
