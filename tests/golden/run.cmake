# One golden screenshot test: render with `kiosk render`, compare with the
# committed PNG. With KIOSK_REGENERATE_GOLDEN=1 in the environment the new
# render replaces the golden instead (review the change by eye before committing).
# Variables: KIOSK, COMPARE, GOLDEN, OUT, ARGS (a ;-list of kiosk render arguments).
execute_process(COMMAND ${KIOSK} render ${ARGS} --out ${OUT} RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "kiosk render failed (${rc}): ${err}")
endif()
if("$ENV{KIOSK_REGENERATE_GOLDEN}" STREQUAL "1")
  file(COPY_FILE ${OUT} ${GOLDEN})
  message(STATUS "regenerated ${GOLDEN}")
  return()
endif()
if(NOT EXISTS ${GOLDEN})
  message(FATAL_ERROR "no golden ${GOLDEN}; run with KIOSK_REGENERATE_GOLDEN=1 and review it")
endif()
get_filename_component(diff ${OUT} NAME_WE)
execute_process(COMMAND ${COMPARE} ${GOLDEN} ${OUT} --diff ${CMAKE_CURRENT_BINARY_DIR}/${diff}.diff.png
                RESULT_VARIABLE rc OUTPUT_VARIABLE out)
message(STATUS "${out}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${OUT} differs from ${GOLDEN}: ${out}")
endif()
