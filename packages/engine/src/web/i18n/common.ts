// Strings every HTML face shares: the skip link, error pages, paging. Each section of the i18n
// strings keeps its languages side by side in one file, so a new string cannot be added to one
// language and forgotten in the other (the type demands both).
export interface CommonMessages {
  skipToContent: string;
  pagination: { label: string; previous: string; next: string; pageOf: (page: number, pages: number) => string };
  errors: {
    notFound: { title: string; body: string };
    forbidden: { title: string; body: string };
    csrf: { title: string; body: string };
    tooMany: { title: string; body: string };
    badRequest: { title: string; body: string };
    server: { title: string; body: string };
    backHome: string;
  };
}

export const commonPt: CommonMessages = {
  skipToContent: 'Saltar para o conteúdo',
  pagination: { label: 'Paginação', previous: 'Anterior', next: 'Seguinte', pageOf: (page, pages) => `Página ${page} de ${pages}` },
  errors: {
    notFound: { title: 'Página não encontrada', body: 'A página que procura não existe ou mudou de endereço.' },
    forbidden: { title: 'Acesso recusado', body: 'Não tem permissão para ver esta página.' },
    csrf: {
      title: 'O formulário expirou',
      body: 'Por segurança, este formulário já não é válido. Volte atrás, atualize a página e tente de novo.',
    },
    tooMany: { title: 'Demasiados pedidos', body: 'Recebemos muitos pedidos seguidos deste endereço. Aguarde um minuto e tente de novo.' },
    badRequest: { title: 'Pedido inválido', body: 'Não conseguimos perceber o pedido. Verifique os dados e tente de novo.' },
    server: { title: 'Algo correu mal', body: 'Ocorreu um erro do nosso lado. Tente de novo dentro de momentos.' },
    backHome: 'Voltar à página inicial',
  },
};

export const commonEn: CommonMessages = {
  skipToContent: 'Skip to content',
  pagination: { label: 'Pagination', previous: 'Previous', next: 'Next', pageOf: (page, pages) => `Page ${page} of ${pages}` },
  errors: {
    notFound: { title: 'Page not found', body: 'The page you are looking for does not exist or has moved.' },
    forbidden: { title: 'Access denied', body: 'You are not allowed to see this page.' },
    csrf: { title: 'This form has expired', body: 'For your security this form is no longer valid. Go back, reload the page and try again.' },
    tooMany: { title: 'Too many requests', body: 'We received many requests in a row from your address. Wait a minute and try again.' },
    badRequest: { title: 'Invalid request', body: 'We could not understand the request. Check the details and try again.' },
    server: { title: 'Something went wrong', body: 'An error occurred on our side. Try again in a moment.' },
    backHome: 'Back to the home page',
  },
};
