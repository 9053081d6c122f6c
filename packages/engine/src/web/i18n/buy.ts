// The strings of buying in the storefront — cart, checkout, order, tracking, newsletter — both
// languages side by side (see common.ts). Statuses are told in the customer's terms: "paid" is the
// order paid at the supplier, which the customer knows as "being prepared for shipping".
import type { OrderStatus } from '../../orders/state-machine.js';

export type CheckoutField = 'name' | 'email' | 'phone' | 'country' | 'province' | 'city' | 'zip' | 'address1' | 'address2' | 'shipping' | 'terms';
export type ProviderKind = 'stripe' | 'manual' | 'demo';

export interface BuyMessages {
  cart: {
    title: string;
    description: (store: string) => string;
    empty: string;
    continueShopping: string;
    product: string;
    price: string;
    quantity: string;
    lineTotal: string;
    update: string;
    remove: string;
    withdrawn: string;
    flags: {
      unavailable: string;
      outOfStock: string;
      short: (available: number) => string;
      priceChanged: (from: string, to: string) => string;
    };
    acceptPrices: string;
    subtotal: string;
    shipping: string;
    shippingTo: (country: string) => string;
    free: string;
    deliveryDays: (min: number, max: number) => string;
    estimateNote: string;
    destination: string;
    recalculate: string;
    shippingProblem: Record<'unavailable' | 'not_in_one_warehouse' | 'no_shipping_option' | 'unknown_variant' | 'out_of_stock', string>;
    total: string;
    vatIncluded: string;
    checkout: string;
    blocked: string;
    added: string;
    updated: string;
    removed: string;
    pricesAccepted: string;
    paymentCancelled: string;
    problems: {
      invalid_quantity: (max: number) => string;
      unknown_variant: string;
      out_of_stock: (available: number) => string;
      too_many_lines: (max: number) => string;
      quantity_too_large: (max: number) => string;
      not_in_cart: string;
    };
  };
  checkout: {
    title: string;
    contact: string;
    address: string;
    shippingMethod: string;
    payment: string;
    summary: string;
    fields: Record<Exclude<CheckoutField, 'terms' | 'shipping'>, string>;
    provinceRequired: string;
    zipExample: (example: string) => string;
    termsBefore: string;
    termsLink: string;
    termsMiddle: string;
    privacyLink: string;
    termsAfter: string;
    updateShipping: string;
    placeOrder: Record<ProviderKind, string>;
    paymentNote: Record<ProviderKind, string>;
    errorSummary: (n: number) => string;
    errors: {
      required: string;
      email: string;
      zip: (example: string) => string;
      phone: string;
      province: string;
      country: string;
      terms: string;
      shipping: string;
      shippingChanged: string;
      tooLong: string;
    };
    stale: string;
    paymentUnavailable: string;
    shippingUnavailable: string;
    notReady: string;
  };
  order: {
    title: (number: string) => string;
    thanks: string;
    number: string;
    status: string;
    placedOn: (date: string) => string;
    statuses: Record<OrderStatus, string>;
    next: Record<OrderStatus, string>;
    nextAwaiting: Record<ProviderKind, string>;
    bankTransfer: string;
    backToCart: string;
    refresh: string;
    items: string;
    shipping: string;
    total: string;
    vat: (amount: string) => string;
    shipTo: string;
    timeline: string;
    tracking: string;
    trackingNumber: string;
    trackingLink: string;
    verifyTitle: string;
    verifyBody: string;
    verifySubmit: string;
  };
  track: {
    title: string;
    intro: string;
    number: string;
    numberHint: string;
    email: string;
    submit: string;
    notFound: string;
    invalid: string;
  };
  newsletter: {
    title: string;
    intro: string;
    name: string;
    email: string;
    consent: string;
    consentRequired: string;
    invalidEmail: string;
    submit: string;
    done: string;
    footerTitle: string;
    footerText: string;
    footerEmail: string;
    footerSubmit: string;
  };
}

export const buyPt: BuyMessages = {
  cart: {
    title: 'Carrinho',
    description: (store) => `O seu carrinho na ${store}: reveja os produtos, as quantidades e o envio antes de finalizar a compra.`,
    empty: 'O seu carrinho está vazio.',
    continueShopping: 'Continuar a comprar',
    product: 'Produto',
    price: 'Preço',
    quantity: 'Quantidade',
    lineTotal: 'Total',
    update: 'Atualizar',
    remove: 'Remover',
    withdrawn: 'Produto retirado da loja',
    flags: {
      unavailable: 'Este produto já não está à venda. Remova-o para continuar.',
      outOfStock: 'Esgotado. Remova-o para continuar.',
      short: (n) => (n === 1 ? 'Só resta 1 unidade. Reduza a quantidade para continuar.' : `Só restam ${n} unidades. Reduza a quantidade para continuar.`),
      priceChanged: (from, to) => `O preço mudou de ${from} para ${to} desde que o adicionou.`,
    },
    acceptPrices: 'Aceitar os preços atuais',
    subtotal: 'Subtotal',
    shipping: 'Envio',
    shippingTo: (country) => `Envio para ${country}`,
    free: 'Grátis',
    deliveryDays: (min, max) => `entrega em ${min}–${max} dias úteis`,
    estimateNote: 'O envio é confirmado ao finalizar a compra, para a morada indicada.',
    destination: 'País de entrega',
    recalculate: 'Calcular envio',
    shippingProblem: {
      unavailable: 'Não foi possível calcular o envio agora. Tente de novo dentro de momentos.',
      not_in_one_warehouse: 'Estes artigos não podem seguir juntos numa só encomenda. Encomende-os em separado.',
      no_shipping_option: 'Não há envio disponível para este destino.',
      unknown_variant: 'Remova os produtos indisponíveis para calcular o envio.',
      out_of_stock: 'Ajuste as quantidades em falta para calcular o envio.',
    },
    total: 'Total',
    vatIncluded: 'IVA incluído',
    checkout: 'Finalizar compra',
    blocked: 'Resolva os avisos acima para finalizar a compra.',
    added: 'Produto adicionado ao carrinho.',
    updated: 'Carrinho atualizado.',
    removed: 'Produto removido do carrinho.',
    pricesAccepted: 'Os preços atuais foram aceites.',
    paymentCancelled: 'O pagamento não foi concluído. O seu carrinho continua aqui: pode finalizar a compra quando quiser.',
    problems: {
      invalid_quantity: (max) => `Indique uma quantidade entre 1 e ${max}.`,
      unknown_variant: 'Este produto já não está disponível.',
      out_of_stock: (n) => (n === 0 ? 'Este produto está esgotado.' : `Só temos ${n} em stock.`),
      too_many_lines: (max) => `O carrinho admite no máximo ${max} produtos diferentes.`,
      quantity_too_large: (max) => `No máximo ${max} unidades de cada produto por encomenda.`,
      not_in_cart: 'Este produto já não está no seu carrinho.',
    },
  },
  checkout: {
    title: 'Finalizar compra',
    contact: 'Contacto',
    address: 'Morada de entrega',
    shippingMethod: 'Envio',
    payment: 'Pagamento',
    summary: 'Resumo da encomenda',
    fields: {
      name: 'Nome completo',
      email: 'Email',
      phone: 'Telemóvel (opcional)',
      country: 'País',
      province: 'Distrito ou região (opcional)',
      city: 'Localidade',
      zip: 'Código postal',
      address1: 'Morada',
      address2: 'Andar, porta, etc. (opcional)',
    },
    provinceRequired: 'Estado ou província (obrigatório para EUA, Canadá e Brasil)',
    zipExample: (example) => `Por exemplo ${example}`,
    termsBefore: 'Li e aceito os ',
    termsLink: 'termos e condições',
    termsMiddle: ' e a ',
    privacyLink: 'política de privacidade',
    termsAfter: '.',
    updateShipping: 'Atualizar opções de envio',
    placeOrder: { stripe: 'Continuar para o pagamento', manual: 'Confirmar encomenda', demo: 'Confirmar encomenda' },
    paymentNote: {
      stripe: 'Paga na página segura da Stripe, a seguir. O valor só é cobrado quando confirmar lá.',
      manual: 'Paga por transferência bancária: os dados aparecem na página seguinte, com a referência da encomenda.',
      demo: 'Loja de demonstração: a encomenda fica paga de imediato, sem qualquer cobrança.',
    },
    errorSummary: (n) => (n === 1 ? 'Há 1 campo por corrigir.' : `Há ${n} campos por corrigir.`),
    errors: {
      required: 'Preencha este campo.',
      email: 'Indique um email válido, por exemplo ana@exemplo.pt.',
      zip: (example) => `Código postal inválido para este país (por exemplo ${example}).`,
      phone: 'Indique um número de telefone válido, por exemplo +351 912 345 678.',
      province: 'Indique o estado ou província.',
      country: 'Não enviamos para este país.',
      terms: 'Para encomendar, aceite os termos e condições.',
      shipping: 'Escolha uma opção de envio.',
      shippingChanged: 'As opções de envio para o país escolhido estão abaixo. Escolha uma e confirme.',
      tooLong: 'Este campo é demasiado longo.',
    },
    stale: 'O seu carrinho mudou desde que abriu esta página. Reveja a encomenda e confirme de novo.',
    paymentUnavailable: 'Não foi possível iniciar o pagamento. A sua encomenda está guardada; tente de novo dentro de momentos.',
    shippingUnavailable: 'Não foi possível calcular o envio agora. Tente de novo dentro de momentos.',
    notReady: 'Reveja o carrinho antes de finalizar a compra.',
  },
  order: {
    title: (number) => `Encomenda ${number}`,
    thanks: 'Obrigado pela sua encomenda!',
    number: 'Número da encomenda',
    status: 'Estado',
    placedOn: (date) => `Feita a ${date}`,
    statuses: {
      awaiting_payment: 'A aguardar pagamento',
      pending: 'Pagamento recebido',
      confirmed: 'Em preparação',
      paid: 'Em preparação para envio',
      on_hold: 'Em preparação',
      shipped: 'Enviada',
      delivered: 'Entregue',
      cancelled: 'Cancelada',
      disputed: 'Em averiguação',
      refunded: 'Reembolsada',
    },
    next: {
      awaiting_payment: 'Ainda não recebemos o pagamento desta encomenda.',
      pending: 'Recebemos o pagamento. A encomenda segue agora para preparação.',
      confirmed: 'A sua encomenda está a ser preparada. Quando for enviada, o número de seguimento aparece nesta página.',
      paid: 'A sua encomenda está a ser preparada para envio. Quando for enviada, o número de seguimento aparece nesta página.',
      on_hold: 'A sua encomenda está a ser preparada. Quando for enviada, o número de seguimento aparece nesta página.',
      shipped: 'A encomenda foi enviada. Pode segui-la no site da transportadora.',
      delivered: 'A encomenda foi entregue. Se mudar de ideias, tem 14 dias para a devolver.',
      cancelled: 'Esta encomenda foi cancelada. Se tiver alguma dúvida, contacte-nos.',
      disputed: 'Estamos a tratar de um problema com a entrega desta encomenda e daremos notícias.',
      refunded: 'O valor desta encomenda foi reembolsado.',
    },
    nextAwaiting: {
      stripe: 'Se acabou de pagar, a confirmação chega em poucos segundos: atualize esta página.',
      manual: 'Faça a transferência com os dados abaixo. A encomenda segue para preparação assim que a recebermos.',
      demo: 'O pagamento de demonstração está a ser registado: atualize esta página.',
    },
    bankTransfer: 'Dados para a transferência',
    backToCart: 'Voltar ao carrinho',
    refresh: 'Atualizar estado',
    items: 'Artigos',
    shipping: 'Envio',
    total: 'Total',
    vat: (amount) => `Inclui IVA de ${amount}`,
    shipTo: 'Entrega em',
    timeline: 'Histórico',
    tracking: 'Seguimento do envio',
    trackingNumber: 'Número de seguimento',
    trackingLink: 'Seguir no site da transportadora',
    verifyTitle: 'Confirme o seu email',
    verifyBody: 'Para ver esta encomenda, indique o email usado na compra.',
    verifySubmit: 'Ver encomenda',
  },
  track: {
    title: 'Seguir encomenda',
    intro: 'Indique o número da encomenda e o email usado na compra.',
    number: 'Número da encomenda',
    numberHint: 'Está na página de confirmação, por exemplo ASTR-261124-7KQ3M9PX.',
    email: 'Email',
    submit: 'Procurar encomenda',
    notFound: 'Não encontrámos nenhuma encomenda com esse número e email. Verifique os dois e tente de novo.',
    invalid: 'Indique o número da encomenda e um email válido.',
  },
  newsletter: {
    title: 'Newsletter',
    intro: 'Receba as novidades e promoções da loja por email. Pode cancelar a qualquer momento.',
    name: 'Nome',
    email: 'Email',
    consent: 'Aceito receber emails com novidades e promoções desta loja. Posso cancelar a qualquer momento.',
    consentRequired: 'Para subscrever, marque a caixa de consentimento.',
    invalidEmail: 'Indique um email válido, por exemplo ana@exemplo.pt.',
    submit: 'Subscrever',
    done: 'Obrigado! O seu pedido de subscrição foi registado.',
    footerTitle: 'Newsletter',
    footerText: 'Novidades e promoções, sem excessos.',
    footerEmail: 'O seu email',
    footerSubmit: 'Subscrever',
  },
};

export const buyEn: BuyMessages = {
  cart: {
    title: 'Cart',
    description: (store) => `Your cart at ${store}: review the products, quantities and shipping before you check out.`,
    empty: 'Your cart is empty.',
    continueShopping: 'Continue shopping',
    product: 'Product',
    price: 'Price',
    quantity: 'Quantity',
    lineTotal: 'Total',
    update: 'Update',
    remove: 'Remove',
    withdrawn: 'Product withdrawn from the shop',
    flags: {
      unavailable: 'This product is no longer for sale. Remove it to continue.',
      outOfStock: 'Sold out. Remove it to continue.',
      short: (n) => (n === 1 ? 'Only 1 left. Lower the quantity to continue.' : `Only ${n} left. Lower the quantity to continue.`),
      priceChanged: (from, to) => `The price changed from ${from} to ${to} since you added it.`,
    },
    acceptPrices: 'Accept the current prices',
    subtotal: 'Subtotal',
    shipping: 'Shipping',
    shippingTo: (country) => `Shipping to ${country}`,
    free: 'Free',
    deliveryDays: (min, max) => `delivered in ${min}–${max} working days`,
    estimateNote: 'Shipping is confirmed at checkout, for the address you give.',
    destination: 'Country of delivery',
    recalculate: 'Calculate shipping',
    shippingProblem: {
      unavailable: 'Shipping cannot be calculated right now. Try again in a moment.',
      not_in_one_warehouse: 'These items cannot travel together in one order. Order them separately.',
      no_shipping_option: 'There is no shipping to this destination.',
      unknown_variant: 'Remove the products no longer available to calculate shipping.',
      out_of_stock: 'Adjust the quantities out of stock to calculate shipping.',
    },
    total: 'Total',
    vatIncluded: 'VAT included',
    checkout: 'Checkout',
    blocked: 'Resolve the notices above to check out.',
    added: 'Added to your cart.',
    updated: 'Cart updated.',
    removed: 'Removed from your cart.',
    pricesAccepted: 'The current prices were accepted.',
    paymentCancelled: 'The payment was not completed. Your cart is still here: check out whenever you are ready.',
    problems: {
      invalid_quantity: (max) => `Enter a quantity between 1 and ${max}.`,
      unknown_variant: 'This product is no longer available.',
      out_of_stock: (n) => (n === 0 ? 'This product is sold out.' : `Only ${n} in stock.`),
      too_many_lines: (max) => `The cart holds at most ${max} different products.`,
      quantity_too_large: (max) => `At most ${max} of each product per order.`,
      not_in_cart: 'This product is no longer in your cart.',
    },
  },
  checkout: {
    title: 'Checkout',
    contact: 'Contact',
    address: 'Delivery address',
    shippingMethod: 'Shipping',
    payment: 'Payment',
    summary: 'Order summary',
    fields: {
      name: 'Full name',
      email: 'Email',
      phone: 'Phone (optional)',
      country: 'Country',
      province: 'County or region (optional)',
      city: 'Town or city',
      zip: 'Postcode',
      address1: 'Address',
      address2: 'Flat, floor, etc. (optional)',
    },
    provinceRequired: 'State or province (required for the US, Canada and Brazil)',
    zipExample: (example) => `For example ${example}`,
    termsBefore: 'I have read and accept the ',
    termsLink: 'terms and conditions',
    termsMiddle: ' and the ',
    privacyLink: 'privacy policy',
    termsAfter: '.',
    updateShipping: 'Update shipping options',
    placeOrder: { stripe: 'Continue to payment', manual: 'Place order', demo: 'Place order' },
    paymentNote: {
      stripe: "You pay on Stripe's secure page next. Nothing is charged until you confirm there.",
      manual: 'You pay by bank transfer: the details appear on the next page, with the order reference.',
      demo: 'Demo shop: the order is paid at once, and nothing is charged.',
    },
    errorSummary: (n) => (n === 1 ? '1 field needs correcting.' : `${n} fields need correcting.`),
    errors: {
      required: 'Fill in this field.',
      email: 'Enter a valid email, for example ana@example.com.',
      zip: (example) => `Not a valid postcode for this country (for example ${example}).`,
      phone: 'Enter a valid phone number, for example +44 20 7946 0958.',
      province: 'Enter the state or province.',
      country: 'We do not ship to this country.',
      terms: 'To order, accept the terms and conditions.',
      shipping: 'Choose a shipping option.',
      shippingChanged: 'The shipping options for the chosen country are below. Choose one and confirm.',
      tooLong: 'This field is too long.',
    },
    stale: 'Your cart changed since you opened this page. Review the order and confirm again.',
    paymentUnavailable: 'The payment could not be started. Your order is saved; try again in a moment.',
    shippingUnavailable: 'Shipping cannot be calculated right now. Try again in a moment.',
    notReady: 'Review your cart before checking out.',
  },
  order: {
    title: (number) => `Order ${number}`,
    thanks: 'Thank you for your order!',
    number: 'Order number',
    status: 'Status',
    placedOn: (date) => `Placed on ${date}`,
    statuses: {
      awaiting_payment: 'Awaiting payment',
      pending: 'Payment received',
      confirmed: 'Being prepared',
      paid: 'Being prepared for shipping',
      on_hold: 'Being prepared',
      shipped: 'Shipped',
      delivered: 'Delivered',
      cancelled: 'Cancelled',
      disputed: 'Under investigation',
      refunded: 'Refunded',
    },
    next: {
      awaiting_payment: 'We have not received the payment for this order yet.',
      pending: 'We received your payment. The order now goes to preparation.',
      confirmed: 'Your order is being prepared. Once it ships, its tracking number appears on this page.',
      paid: 'Your order is being prepared for shipping. Once it ships, its tracking number appears on this page.',
      on_hold: 'Your order is being prepared. Once it ships, its tracking number appears on this page.',
      shipped: "Your order has shipped. Follow it on the carrier's site.",
      delivered: 'Your order was delivered. If you change your mind, you have 14 days to return it.',
      cancelled: 'This order was cancelled. If you have any question, contact us.',
      disputed: 'We are sorting out a problem with the delivery of this order and will keep you posted.',
      refunded: 'This order was refunded.',
    },
    nextAwaiting: {
      stripe: 'If you have just paid, the confirmation arrives within seconds: refresh this page.',
      manual: 'Make the transfer with the details below. The order goes to preparation as soon as it arrives.',
      demo: 'The demo payment is being recorded: refresh this page.',
    },
    bankTransfer: 'Bank transfer details',
    backToCart: 'Back to the cart',
    refresh: 'Refresh status',
    items: 'Items',
    shipping: 'Shipping',
    total: 'Total',
    vat: (amount) => `Includes VAT of ${amount}`,
    shipTo: 'Delivery to',
    timeline: 'History',
    tracking: 'Shipment tracking',
    trackingNumber: 'Tracking number',
    trackingLink: "Track on the carrier's site",
    verifyTitle: 'Confirm your email',
    verifyBody: 'To see this order, enter the email you used to place it.',
    verifySubmit: 'See the order',
  },
  track: {
    title: 'Track your order',
    intro: 'Enter the order number and the email you used to place it.',
    number: 'Order number',
    numberHint: 'It is on the confirmation page, for example ASTR-261124-7KQ3M9PX.',
    email: 'Email',
    submit: 'Find my order',
    notFound: 'We found no order with that number and email. Check both and try again.',
    invalid: 'Enter the order number and a valid email.',
  },
  newsletter: {
    title: 'Newsletter',
    intro: "Get the shop's news and offers by email. Unsubscribe at any time.",
    name: 'Name',
    email: 'Email',
    consent: "I agree to receive emails with this shop's news and offers. I can unsubscribe at any time.",
    consentRequired: 'To subscribe, tick the consent box.',
    invalidEmail: 'Enter a valid email, for example ana@example.com.',
    submit: 'Subscribe',
    done: 'Thank you! Your subscription request was recorded.',
    footerTitle: 'Newsletter',
    footerText: 'News and offers, never too often.',
    footerEmail: 'Your email',
    footerSubmit: 'Subscribe',
  },
};
