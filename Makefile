.PHONY: run test setup bench
run:    ## set up and start the app at http://127.0.0.1:5000
	bash scripts/run.sh
test:   ## set up and run the whole test suite
	bash scripts/test.sh
setup:
	bash scripts/setup.sh
