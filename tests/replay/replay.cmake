# A replay test: `kiosk render ... --events FILE` must end on exactly the screen
# that rendering the expected page directly shows.
# Variables: KIOSK, COMPARE, EVENTS, ARGS (;-list, the replay's start), EXPECT (;-list), OUT_DIR, NAME.
set(got ${OUT_DIR}/${NAME}.replayed.png)
set(want ${OUT_DIR}/${NAME}.expected.png)
execute_process(COMMAND ${KIOSK} render ${ARGS} --events ${EVENTS} --out ${got}
                RESULT_VARIABLE rc ERROR_VARIABLE err WORKING_DIRECTORY ${OUT_DIR})
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "replay failed (${rc}): ${err}")
endif()
execute_process(COMMAND ${KIOSK} render ${EXPECT} --out ${want} RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "expected render failed (${rc}): ${err}")
endif()
execute_process(COMMAND ${COMPARE} ${want} ${got} --max-mean 0.05 --max-changed 0.0005
                        --diff ${OUT_DIR}/${NAME}.diff.png
                RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the replay did not end on the expected screen: ${out}")
endif()
