# The QR code on an area page decodes (zbarimg) to the source URL in the content.
# Variables: KIOSK, CONTENT, OUT.
execute_process(COMMAND ${KIOSK} render --page finance --size 1920x1080 --content ${CONTENT} --out ${OUT}
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "render failed: ${err}")
endif()
execute_process(COMMAND zbarimg --quiet --raw ${OUT} RESULT_VARIABLE rc OUTPUT_VARIABLE decoded
                OUTPUT_STRIP_TRAILING_WHITESPACE)
file(STRINGS ${CONTENT}/event.yaml url_line REGEX "^source_url:")
string(REGEX REPLACE "^source_url: *\"?([^\"]*)\"?.*" "\\1" url "${url_line}")
if(NOT rc EQUAL 0 OR NOT decoded STREQUAL url)
  message(FATAL_ERROR "QR decoded to '${decoded}' (zbarimg ${rc}), expected '${url}'")
endif()
message(STATUS "QR decodes to ${decoded}")
