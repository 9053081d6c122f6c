// The default texts of the information pages, in Markdown, naming the store and its seller. They
// follow what a Portuguese and EU online shop must tell its customers (seller identity, prices with
// VAT, the 14-day right of withdrawal, the legal guarantee, GDPR rights, complaints), written so
// they stay true for any store on lojista. An owner replaces any of them with a Markdown file of
// their own (see info-pages.ts); a lawyer should read them before a real store opens.
import type { UiLanguage } from '../web/i18n/index.js';
import type { InfoPage } from './paths.js';

export interface InfoFacts {
  store: string;
  legalName: string | undefined;
  email: string | undefined;
  phone: string | undefined;
  address: string | undefined;
  taxId: string | undefined;
  /** Country names in the store's language. */
  shipsTo: string[];
  maxDeliveryDays: number;
  payment: 'stripe' | 'manual' | 'demo';
  /** Paths of the other pages, for links between them. */
  paths: Record<InfoPage | 'track', string>;
}

const list = (items: string[], and: string) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`);
const lines = (parts: Array<string | false | undefined>) => parts.filter((p): p is string => typeof p === 'string').join('\n');

function pt(page: InfoPage, f: InfoFacts): string {
  const seller = f.legalName ?? f.store;
  const reach = f.email ? `pelo email [${f.email}](mailto:${f.email})` : 'pelos contactos indicados na página de [contacto](' + f.paths.contact + ')';
  const payment = {
    stripe: 'Os pagamentos são processados pela Stripe, numa página segura; a loja nunca vê nem guarda os dados do seu cartão.',
    manual: 'O pagamento é feito por transferência bancária, com a referência da encomenda indicada na página de confirmação.',
    demo: 'Esta é uma loja de demonstração: as encomendas ficam pagas sem qualquer cobrança e nada é enviado.',
  }[f.payment];
  switch (page) {
    case 'terms':
      return lines([
        `Estes termos regem as compras feitas na loja online **${f.store}**.`,
        '',
        '## Quem vende',
        '',
        `${seller}${f.taxId ? `, NIF ${f.taxId}` : ''}${f.address ? `, ${f.address}` : ''}. Contacto: ${reach}.`,
        '',
        '## Preços e pagamento',
        '',
        'Os preços são apresentados em euros e incluem IVA à taxa em vigor. O custo de envio, quando existe, é indicado no carrinho e na finalização da compra, antes de confirmar a encomenda.',
        '',
        payment,
        '',
        '## Encomendas',
        '',
        'A encomenda fica concluída quando o pagamento é confirmado; recebe um número de encomenda que lhe permite acompanhá-la na página [Seguir encomenda](' + f.paths.track + '). Se um produto deixar de estar disponível depois da encomenda, avisamos e devolvemos o valor pago por esse produto.',
        '',
        '## Entrega',
        '',
        `Enviamos para ${list(f.shipsTo, 'e')}. O prazo de entrega de cada produto é indicado na loja; em regra não ultrapassa ${f.maxDeliveryDays} dias úteis. Veja a página de [envios](${f.paths.shipping}).`,
        '',
        '## Direito de livre resolução e garantia',
        '',
        `Tem 14 dias, a contar da receção da encomenda, para desistir da compra sem indicar motivo. Os produtos têm a garantia legal de conformidade de 3 anos. Veja a página de [devoluções](${f.paths.returns}).`,
        '',
        '## Reclamações e litígios',
        '',
        `Pode apresentar reclamação ${reach} ou no [Livro de Reclamações Eletrónico](https://www.livroreclamacoes.pt). Em caso de litígio, pode recorrer a uma entidade de resolução alternativa de litígios de consumo (lista em [www.consumidor.gov.pt](https://www.consumidor.gov.pt)).`,
        '',
        '## Dados pessoais',
        '',
        `O tratamento dos seus dados está descrito na [política de privacidade](${f.paths.privacy}).`,
      ]);
    case 'privacy':
      return lines([
        `Esta política explica como **${seller}**, responsável pela loja ${f.store}, trata os seus dados pessoais, nos termos do Regulamento Geral sobre a Proteção de Dados (RGPD).`,
        '',
        '## Que dados tratamos e porquê',
        '',
        '- **Para cumprir a sua encomenda:** nome, email, telefone (se o indicar) e morada de entrega. Partilhamo-los apenas com quem prepara e transporta a encomenda, e com o prestador de pagamentos.',
        '- **Para a newsletter, se a subscrever:** nome e email, com o seu consentimento, que pode retirar a qualquer momento.',
        '- **Para cumprir obrigações legais:** os dados de faturação que a lei manda conservar.',
        '',
        payment,
        '',
        '## Cookies',
        '',
        'A loja usa apenas cookies estritamente necessários: o do carrinho, o de segurança dos formulários e o que lhe permite voltar a ver as suas encomendas. Não usamos cookies de publicidade nem de análise.',
        '',
        '## Durante quanto tempo',
        '',
        'Um carrinho sem atividade é apagado ao fim de 30 dias. Os dados das encomendas são conservados pelo prazo que a lei fiscal exige; os da newsletter, até retirar o consentimento.',
        '',
        '## Os seus direitos',
        '',
        `Pode pedir o acesso, a retificação, o apagamento ou a portabilidade dos seus dados, ou opor-se ao seu tratamento, ${reach}. Pode também apresentar queixa à Comissão Nacional de Proteção de Dados ([www.cnpd.pt](https://www.cnpd.pt)).`,
      ]);
    case 'returns':
      return lines([
        '## Direito de livre resolução (14 dias)',
        '',
        `Pode desistir da compra no prazo de **14 dias** a contar do dia em que recebe a encomenda, sem indicar motivo. Basta comunicá-lo ${reach}, com o número da encomenda. Depois de nos avisar, tem 14 dias para devolver os produtos, em bom estado.`,
        '',
        'Devolvemos tudo o que pagou, incluindo o envio normal, no prazo de 14 dias a contar da sua comunicação, pelo mesmo meio de pagamento. Podemos aguardar a receção dos produtos (ou a prova do seu envio) antes de reembolsar.',
        '',
        '## Produtos com defeito',
        '',
        `Todos os produtos têm a garantia legal de conformidade de **3 anos**. Se um produto chegar danificado ou com defeito, contacte-nos ${reach}, de preferência com uma fotografia, e propomos a reparação, a substituição ou o reembolso.`,
        '',
        '## Encomendas que não chegam',
        '',
        `Se a encomenda não chegar no prazo indicado, veja o estado em [Seguir encomenda](${f.paths.track}) e contacte-nos: tratamos do assunto com a transportadora.`,
      ]);
    case 'shipping':
      return lines([
        `## Para onde enviamos`,
        '',
        `Enviamos para ${list(f.shipsTo, 'e')}.`,
        '',
        '## Prazos',
        '',
        `O prazo de entrega de cada produto está indicado na loja e no carrinho; em regra não ultrapassa ${f.maxDeliveryDays} dias úteis. Os produtos são enviados diretamente dos armazéns dos nossos parceiros, pelo que uma encomenda com vários produtos pode chegar em mais do que um volume.`,
        '',
        '## Custos',
        '',
        'O preço dos produtos já inclui o envio normal de uma unidade. Quando há custo adicional (várias unidades, destino ou opção mais rápida), é indicado no carrinho e na finalização da compra, antes de confirmar.',
        '',
        '## Seguimento',
        '',
        `Assim que a encomenda é enviada, o número de seguimento e o link da transportadora aparecem na página da encomenda e em [Seguir encomenda](${f.paths.track}).`,
      ]);
    case 'contact':
      return lines([
        `Tem uma pergunta sobre uma encomenda ou um produto da **${f.store}**? Fale connosco.`,
        '',
        f.email && `- Email: [${f.email}](mailto:${f.email})`,
        f.phone && `- Telefone: ${f.phone}`,
        f.address && `- Morada: ${f.address}`,
        (f.legalName || f.taxId) && `- ${seller}${f.taxId ? `, NIF ${f.taxId}` : ''}`,
        !f.email && !f.phone && !f.address && '- Os contactos desta loja ainda não foram configurados.',
        '',
        `Para saber onde está a sua encomenda, use [Seguir encomenda](${f.paths.track}) com o número da encomenda e o seu email.`,
        '',
        'Livro de Reclamações: [www.livroreclamacoes.pt](https://www.livroreclamacoes.pt).',
      ]);
  }
}

function en(page: InfoPage, f: InfoFacts): string {
  const seller = f.legalName ?? f.store;
  const reach = f.email ? `by email at [${f.email}](mailto:${f.email})` : `through the details on our [contact](${f.paths.contact}) page`;
  const payment = {
    stripe: 'Payments are processed by Stripe on a secure page; the shop never sees nor keeps your card details.',
    manual: 'Payment is by bank transfer, with the order reference shown on the confirmation page.',
    demo: 'This is a demo shop: orders are paid without any charge and nothing is shipped.',
  }[f.payment];
  switch (page) {
    case 'terms':
      return lines([
        `These terms govern purchases made in the online shop **${f.store}**.`,
        '',
        '## Who sells',
        '',
        `${seller}${f.taxId ? `, tax number ${f.taxId}` : ''}${f.address ? `, ${f.address}` : ''}. Contact: ${reach}.`,
        '',
        '## Prices and payment',
        '',
        'Prices include VAT at the current rate. Shipping, when charged, is shown in the cart and at checkout before you confirm the order.',
        '',
        payment,
        '',
        '## Orders',
        '',
        `An order is complete when its payment is confirmed; its number lets you follow it on [Track your order](${f.paths.track}). If a product becomes unavailable after you order, we tell you and refund what you paid for it.`,
        '',
        '## Delivery',
        '',
        `We ship to ${list(f.shipsTo, 'and')}. Each product shows its delivery time; as a rule it is at most ${f.maxDeliveryDays} working days. See [shipping](${f.paths.shipping}).`,
        '',
        '## Right of withdrawal and guarantee',
        '',
        `You have 14 days from receiving your order to cancel the purchase without giving a reason, and every product has the legal guarantee of conformity. See [returns](${f.paths.returns}).`,
        '',
        '## Complaints',
        '',
        `Send any complaint ${reach}. You may also use an alternative dispute resolution body for consumer disputes.`,
        '',
        '## Personal data',
        '',
        `How we handle your data is in the [privacy policy](${f.paths.privacy}).`,
      ]);
    case 'privacy':
      return lines([
        `This policy explains how **${seller}**, which runs the shop ${f.store}, handles your personal data under the General Data Protection Regulation (GDPR).`,
        '',
        '## What we process and why',
        '',
        '- **To fulfil your order:** name, email, phone (if you give it) and delivery address, shared only with those who prepare and carry the order, and with the payment provider.',
        '- **For the newsletter, if you subscribe:** name and email, with your consent, which you may withdraw at any time.',
        '- **To meet legal duties:** the billing records the law requires us to keep.',
        '',
        payment,
        '',
        '## Cookies',
        '',
        'The shop only uses strictly necessary cookies: the cart, form security, and the one that lets you see your orders again. No advertising or analytics cookies.',
        '',
        '## How long',
        '',
        'An idle cart is deleted after 30 days. Order data is kept as long as tax law requires; newsletter data until you withdraw your consent.',
        '',
        '## Your rights',
        '',
        `You may ask to access, correct, erase or port your data, or object to its processing, ${reach}. You may also complain to your data protection authority.`,
      ]);
    case 'returns':
      return lines([
        '## Right of withdrawal (14 days)',
        '',
        `You may cancel your purchase within **14 days** of receiving the order, without giving a reason: tell us ${reach}, with the order number. You then have 14 days to send the products back in good condition.`,
        '',
        'We refund everything you paid, standard shipping included, within 14 days of your notice, by the same means of payment. We may wait until we receive the products (or proof that you sent them) before refunding.',
        '',
        '## Faulty products',
        '',
        `Every product carries the legal guarantee of conformity. If a product arrives damaged or faulty, contact us ${reach}, ideally with a photo, and we offer a repair, a replacement or a refund.`,
        '',
        '## Orders that do not arrive',
        '',
        `If an order does not arrive in time, check it on [Track your order](${f.paths.track}) and contact us: we take it up with the carrier.`,
      ]);
    case 'shipping':
      return lines([
        '## Where we ship',
        '',
        `We ship to ${list(f.shipsTo, 'and')}.`,
        '',
        '## Delivery times',
        '',
        `Each product shows its delivery time in the shop and in the cart; as a rule it is at most ${f.maxDeliveryDays} working days. Products ship straight from our partners' warehouses, so an order of several products may arrive in more than one parcel.`,
        '',
        '## Costs',
        '',
        'Product prices include standard shipping of one unit. Any extra cost (several units, destination, a faster option) is shown in the cart and at checkout before you confirm.',
        '',
        '## Tracking',
        '',
        `Once your order ships, its tracking number and the carrier's link appear on the order page and on [Track your order](${f.paths.track}).`,
      ]);
    case 'contact':
      return lines([
        `A question about an order or a product from **${f.store}**? Talk to us.`,
        '',
        f.email && `- Email: [${f.email}](mailto:${f.email})`,
        f.phone && `- Phone: ${f.phone}`,
        f.address && `- Address: ${f.address}`,
        (f.legalName || f.taxId) && `- ${seller}${f.taxId ? `, tax number ${f.taxId}` : ''}`,
        !f.email && !f.phone && !f.address && "- This shop's contact details are not set up yet.",
        '',
        `To find out where your order is, use [Track your order](${f.paths.track}) with the order number and your email.`,
      ]);
  }
}

export function defaultInfoMarkdown(page: InfoPage, facts: InfoFacts, language: UiLanguage): string {
  return language === 'pt-PT' ? pt(page, facts) : en(page, facts);
}
