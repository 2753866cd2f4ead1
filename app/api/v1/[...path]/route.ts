// Any other path here: 404 in the error envelope, with the tracking API's CORS headers
import { webNotFoundRoutes } from "@/lib/http/web-routes";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = webNotFoundRoutes();
