// Every contract imports `z` from here so that validation messages are French on the server and in the web app.
import { z } from "zod";

z.config(z.locales.fr());

export { z };
