package org.follicle.system.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.follicle.system.PageModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.ui.ModelMap;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.SmartView;
import org.springframework.web.servlet.view.UrlBasedViewResolver;

/** Adds the modules' {@link PageModel}s to a page about to be rendered; JSON answers and redirects have none. */
class PageModelInterceptor implements HandlerInterceptor {

    /** Looked up on the first page, not on each one (nor at start-up, before every module's beans exist). */
    private final SingletonSupplier<List<PageModel>> pageModels;

    PageModelInterceptor(ObjectProvider<PageModel> pageModels) {
        this.pageModels = SingletonSupplier.of(() -> pageModels.orderedStream().toList());
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView page) {
        if (page == null || !page.hasView() || isRedirectOrForward(page)) {
            return;
        }
        ModelMap layout = new ModelMap();
        pageModels.obtain().forEach(model -> model.addTo(layout));
        page.getModelMap().mergeAttributes(layout);
    }

    private static boolean isRedirectOrForward(ModelAndView page) {
        String name = page.getViewName();
        return name != null ? name.startsWith(UrlBasedViewResolver.REDIRECT_URL_PREFIX)
                || name.startsWith(UrlBasedViewResolver.FORWARD_URL_PREFIX)
                : page.getView() instanceof SmartView view && view.isRedirectView();
    }
}
