package org.follicle.system.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.follicle.system.PageModel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

class PageModelInterceptorTests {

    private final AtomicInteger asked = new AtomicInteger();

    private final PageModelInterceptor interceptor;

    PageModelInterceptorTests() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("layout", (PageModel) model -> {
            asked.incrementAndGet();
            model.addAttribute("navigation", "the links").addAttribute("title", "layout's title");
        });
        interceptor = new PageModelInterceptor(beans.getBeanProvider(PageModel.class));
    }

    @Test
    void aPageGetsTheLayoutButKeepsWhatItsControllerGave() {
        ModelAndView page = new ModelAndView("patients/chart");
        page.addObject("title", "controller's title");
        post(page);
        assertThat(page.getModel()).containsEntry("navigation", "the links").containsEntry("title",
                "controller's title");
    }

    @Test
    void jsonAnswersAndRedirectsAreNotAskedForTheLayout() {
        post(null);
        post(new ModelAndView("redirect:/patients/1"));
        post(new ModelAndView("forward:/error"));
        ModelAndView redirect = new ModelAndView(new RedirectView("/patients"));
        post(redirect);
        assertThat(asked).hasValue(0);
        assertThat(redirect.getModel()).isEmpty();
    }

    private void post(ModelAndView page) {
        interceptor.postHandle(new MockHttpServletRequest(), new MockHttpServletResponse(), new Object(), page);
    }
}
