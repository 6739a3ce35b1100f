/** The only links the server generates: arXiv pages of a validated id. */
const ID = /^\d{4}\.\d{4,5}$/;

export function absUrl(id: string): string | undefined {
  return ID.test(id) ? `https://arxiv.org/abs/${id}` : undefined;
}

export function pdfUrl(id: string): string | undefined {
  return ID.test(id) ? `https://arxiv.org/pdf/${id}` : undefined;
}
