export const EMAIL_DELIVERY_TASK = "email";
