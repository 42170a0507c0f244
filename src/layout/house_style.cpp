#include "layout/house_style.h"

#include "content/loader.h"
#include "text/layout_command.h"
#include "text/type_scale.h"

namespace kiosk::layout {

text::TextStyle house_style(const content::Bundle& bundle) {
    text::TextStyle st;
    st.lexicon = text::Lexicon::make(bundle.typography.keep_together);
    st.han_digit_space_em =
        bundle.typography.han_digit_space ? text::type_scale::kHanLatinSpaceEm : 0.0f;
    return st;
}

int run_layout_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    std::string dir = "content";
    std::vector<std::string> rest;
    for (size_t i = 0; i < args.size(); ++i) {
        if (args[i] != "--content") {
            rest.push_back(args[i]);
        } else if (i + 1 < args.size()) {
            dir = args[++i];
        } else {
            err << "kiosk layout: --content needs a value\n";
            return 1;
        }
    }
    content::LoadResult loaded = content::load_bundle(dir);
    if (!loaded.bundle) {
        err << "kiosk layout: content '" << dir << "' does not load (see kiosk validate " << dir
            << ")\n";
        return 1;
    }
    auto fonts = text::FontStack::load();
    if (!fonts) {
        err << "kiosk layout: " << fonts.error().str() << '\n';
        return 1;
    }
    return text::run_layout_command(rest, out, err, *fonts.value(), house_style(*loaded.bundle));
}

}  // namespace kiosk::layout
