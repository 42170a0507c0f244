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
    bool given = false;
    std::vector<std::string> rest;
    for (size_t i = 0; i < args.size(); ++i) {
        if (args[i] != "--content") {
            rest.push_back(args[i]);
        } else if (i + 1 < args.size()) {
            dir = args[++i];
            given = true;
        } else {
            err << "kiosk layout: --content needs a value\n";
            return 1;
        }
    }
    // Outside the source tree the default folder is absent: lay out without the
    // content's terms, and say so. A folder asked for by name must load.
    content::LoadResult loaded = content::load_bundle(dir, true);
    if (!loaded.bundle && given) {
        err << "kiosk layout: content '" << dir << "' does not load (see kiosk validate " << dir
            << ")\n";
        return 1;
    }
    if (!loaded.bundle)
        err << "kiosk layout: note: no content in ./" << dir
            << ", so no keep-together list (use --content DIR)\n";
    auto fonts = text::FontStack::load();
    if (!fonts) {
        err << "kiosk layout: " << fonts.error().str() << '\n';
        return 1;
    }
    const text::TextStyle house = loaded.bundle ? house_style(*loaded.bundle) : text::TextStyle{};
    return text::run_layout_command(rest, out, err, *fonts.value(), house);
}

}  // namespace kiosk::layout
